package io.ibex.session.doctor;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Runs {@code <tool> --version} (argv list) and reads the major version from "Chromium 156.0.8078.108" and the like. */
final class ToolVersion {
    private static final Pattern VERSION = Pattern.compile("(\\d+)\\.\\d+\\.\\d+");

    private ToolVersion() {}

    static Optional<Integer> major(Path tool) {
        try {
            Process p = new ProcessBuilder(List.of(tool.toString(), "--version")).redirectErrorStream(true).start();
            String out = new String(p.getInputStream().readAllBytes());
            if (!p.waitFor(10, TimeUnit.SECONDS)) p.destroyForcibly();
            return parse(out);
        } catch (IOException e) {
            return Optional.empty();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Optional.empty();
        }
    }

    static Optional<Integer> parse(String versionOutput) {
        Matcher m = VERSION.matcher(versionOutput);
        return m.find() ? Optional.of(Integer.parseInt(m.group(1))) : Optional.empty();
    }
}
