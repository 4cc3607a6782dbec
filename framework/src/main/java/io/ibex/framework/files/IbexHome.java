package io.ibex.framework.files;

import java.nio.file.Path;
import java.util.Map;

/**
 * Where ibex keeps its state: {@code $IBEX_HOME} if set, else {@code $HOME/.ibex}, else (no HOME in the environment)
 * {@code ~/.ibex} by Java's {@code user.home}. The environment wins over Java's idea of home so that
 * {@code HOME=/tmp/x ibex ...} really stays in {@code /tmp/x}.
 */
public final class IbexHome {
    public static final String ENV = "IBEX_HOME";

    private IbexHome() {}

    /** The ibex home of this process. */
    public static Path dir() { return dir(System.getenv()); }

    /** The ibex home for an environment (doctor checks the one it was given). */
    public static Path dir(Map<String, String> env) {
        String explicit = env.get(ENV);
        if (explicit != null && !explicit.isBlank()) return Path.of(explicit).toAbsolutePath();
        String home = env.get("HOME");
        Path base = home != null && !home.isBlank() ? Path.of(home) : Path.of(System.getProperty("user.home"));
        return base.resolve(".ibex").toAbsolutePath();
    }

    /** A file or directory in the ibex home. */
    public static Path resolve(String name) { return dir().resolve(name); }
}
