package io.ibex.framework.env;

import java.nio.file.Path;
import java.util.Map;

/**
 * Where ibex keeps its state (bar store, logs, pinned certificate, credentials, demo runs): {@code $IBEX_HOME}, else
 * {@code $HOME/.ibex}, else {@code .ibex} under Java's {@code user.home}. Java takes {@code user.home} from the password
 * database, so {@code HOME=/tmp/x ibex ...} would otherwise still write to the real home.
 *
 * <pre>{@code Path pem = IbexHome.dir().resolve("gateway.pem");}</pre>
 */
public final class IbexHome {
    public static final String ENV = "IBEX_HOME";

    private IbexHome() {}

    /** ibex's state directory for the real environment. */
    public static Path dir() { return dir(System.getenv(), System.getProperty("user.home")); }

    /** The user's home directory ({@code $HOME}, else {@code user.home}), for things that live beside ibex's, like ~/ibeam. */
    public static Path userHome() { return userHome(System.getenv(), System.getProperty("user.home")); }

    /** The ibex home for an environment (doctor checks the one it was given). */
    public static Path dir(Map<String, String> env) { return dir(env, System.getProperty("user.home")); }

    /** A file or directory in the ibex home. */
    public static Path resolve(String name) { return dir().resolve(name); }

    static Path dir(Map<String, String> env, String userHome) {
        String own = env.get(ENV);
        return isSet(own) ? Path.of(own) : userHome(env, userHome).resolve(".ibex");
    }

    static Path userHome(Map<String, String> env, String userHome) {
        String home = env.get("HOME");
        return Path.of(isSet(home) ? home : userHome);
    }

    private static boolean isSet(String value) { return value != null && !value.isBlank(); }
}
