package io.ibex.session;

import io.ibex.framework.error.ConfigException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Finds or starts an X display for IBeam's browser: an existing DISPLAY wins, then a running {@code :99}, else
 * {@code Xvfb :99} is started as a child process (argv list) found on PATH.
 */
public final class XvfbDisplay {
    public static final String DISPLAY = ":99";

    private XvfbDisplay() {}

    /** The DISPLAY value to give IBeam, starting Xvfb if needed; the started process (if any) goes to {@code started}. */
    public static String ensure(Map<String, String> env, Path x11SocketDir, java.util.function.Consumer<Process> started) {
        String display = env.get("DISPLAY");
        if (display != null && !display.isBlank()) return display;
        if (Files.exists(x11SocketDir.resolve("X99"))) return DISPLAY;
        Path xvfb = findOnPath(env.getOrDefault("PATH", ""), "Xvfb").orElseThrow(() -> new ConfigException(
            "--xvfb: no DISPLAY is set and Xvfb is not installed. Fix: apt-get install xvfb (or run under an X session)"));
        try {
            Process p = new ProcessBuilder(List.of(xvfb.toString(), DISPLAY, "-nolisten", "tcp"))
                .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
            started.accept(p);
            return DISPLAY;
        } catch (IOException e) {
            throw new ConfigException("--xvfb: cannot start " + xvfb + " " + DISPLAY + ": " + e.getMessage());
        }
    }

    public static Optional<Path> findOnPath(String path, String program) {
        for (String dir : path.split(java.io.File.pathSeparator)) {
            if (dir.isEmpty()) continue;
            Path candidate = Path.of(dir, program);
            if (Files.isRegularFile(candidate) && Files.isExecutable(candidate)) return Optional.of(candidate);
        }
        return Optional.empty();
    }
}
