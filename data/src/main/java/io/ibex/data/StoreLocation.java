package io.ibex.data;

import io.ibex.framework.env.IbexHome;
import io.ibex.framework.error.ConfigException;

import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Where the bar store lives: {@code --db} if given, else the {@code IBEX_DB} environment variable, else
 * {@code $IBEX_HOME/ibex}, else {@code $HOME/.ibex/ibex}. Either a file path (H2 file mode, {@code WRITE_DELAY=0}) or an H2 {@code jdbc:} URL.
 *
 * <p>URLs are checked against an allow-list (reliability.md, "Bar store"): only a local H2 file
 * ({@code jdbc:h2:file:PATH} or {@code jdbc:h2:PATH}) or an in-memory H2 database, with only the settings in
 * {@link #SETTINGS}. Everything else (other databases, {@code tcp:}/{@code ssl:} servers, {@code INIT=},
 * {@code DATABASE_EVENT_LISTENER=}, {@code AUTO_SERVER=}...) is refused before anything connects. Paths may not
 * carry {@code ;} settings at all.
 *
 * @param jdbcUrl  what HikariCP connects to
 * @param display  what messages show (the path, or the URL with its password masked)
 * @param file     the store's base path (without {@code .mv.db}) for file stores, null for in-memory ones
 */
public record StoreLocation(String jdbcUrl, String display, Path file) {
    public static final String ENV = "IBEX_DB";
    /** The only settings a store URL may carry (upper case). */
    static final Set<String> SETTINGS = Set.of("USER", "PASSWORD", "WRITE_DELAY", "CACHE_SIZE", "DB_CLOSE_DELAY",
        "IFEXISTS", "ACCESS_MODE_DATA", "TRACE_LEVEL_FILE");
    /**
     * Added to every H2 URL: commits reach the disk at once; errors do not leave {@code *.trace.db} files behind; pages
     * are compressed as they are written (LZF; a 1M-bar store is 26 MB instead of 52 MB, with no compaction pass).
     */
    private static final String DEFAULTS = ";WRITE_DELAY=0;TRACE_LEVEL_FILE=0;COMPRESS=TRUE";

    /** Resolves against the real environment and ibex home ({@link IbexHome}). */
    public static StoreLocation resolve(String dbOrNull) {
        return resolve(dbOrNull, System.getenv(), IbexHome.dir());
    }

    /** @param ibexHome the ibex home when {@code env} names none ({@code IBEX_HOME} wins) */
    static StoreLocation resolve(String dbOrNull, Map<String, String> env, Path ibexHome) {
        String own = env.get(IbexHome.ENV);
        Path state = own != null && !own.isBlank() ? Path.of(own) : ibexHome;
        String db = dbOrNull != null && !dbOrNull.isBlank() ? dbOrNull.trim()
            : env.get(ENV) != null && !env.get(ENV).isBlank() ? env.get(ENV).trim()
            : state.resolve("ibex").toString();
        String userHome = env.get("HOME");                // jdbc:h2:~ means the user's home: $HOME, as for the ibex home
        if (db.regionMatches(true, 0, "jdbc:", 0, 5))
            return ofUrl(db, Path.of(userHome != null && !userHome.isBlank() ? userHome : System.getProperty("user.home")));
        return ofPath(db);
    }

    /** The store's data file, or null for in-memory stores. */
    public Path mvFile() { return file == null ? null : Path.of(file + ".mv.db"); }

    private static StoreLocation ofUrl(String url, Path home) {
        String shown = redact(url);
        if (!url.regionMatches(true, 0, "jdbc:h2:", 0, 8))
            throw refused(shown, "only H2 bar stores are supported (a file path, or jdbc:h2:file:PATH)");
        int semi = url.indexOf(';');
        String target = (semi < 0 ? url : url.substring(0, semi)).substring("jdbc:h2:".length());
        String settings = semi < 0 ? "" : url.substring(semi + 1);
        StringBuilder kept = new StringBuilder();
        boolean writeDelay = false, trace = false;
        for (String setting : settings.split(";")) {
            if (setting.isBlank()) continue;
            int eq = setting.indexOf('=');
            String name = (eq < 0 ? setting : setting.substring(0, eq)).trim().toUpperCase(Locale.ROOT);
            if (eq < 0 || !SETTINGS.contains(name))
                throw refused(shown, "the setting '" + name + "' is not allowed in a bar store URL (allowed: "
                    + String.join(", ", new TreeSet<>(SETTINGS)) + ")");
            writeDelay |= name.equals("WRITE_DELAY");
            trace |= name.equals("TRACE_LEVEL_FILE");
            kept.append(';').append(setting.trim());
        }
        String lower = target.toLowerCase(Locale.ROOT);
        Path file;
        if (lower.startsWith("mem:")) {
            file = null;
        } else {
            String path = lower.startsWith("file:") ? target.substring("file:".length()) : target;
            if (path.matches("(?i)[a-z][a-z0-9]+:.*") && !path.matches("(?i)[a-z]:[\\/].*"))
                throw refused(shown, "'" + path.substring(0, path.indexOf(':') + 1) + "' stores are not supported;"
                    + " a bar store is a local file (jdbc:h2:file:PATH) or a plain path");
            file = (path.startsWith("~") ? Path.of(home + path.substring(1)) : Path.of(path)).toAbsolutePath().normalize();
        }
        // H2 opens exactly the file that was inspected (its own "~" would be user.home, not $HOME)
        String full = "jdbc:h2:" + (file == null ? target : "file:" + file) + kept + (writeDelay ? "" : ";WRITE_DELAY=0")
            + (trace ? "" : ";TRACE_LEVEL_FILE=0") + ";COMPRESS=TRUE";
        return new StoreLocation(full, shown, file);
    }

    private static StoreLocation ofPath(String path) {
        if (path.indexOf(';') >= 0)
            throw new ConfigException("database path '" + path + "' contains ';': settings cannot be passed in a"
                + " path; give a plain path or a full jdbc: URL");
        String p = path.endsWith(".mv.db") ? path.substring(0, path.length() - ".mv.db".length()) : path;
        Path abs = Path.of(p).toAbsolutePath().normalize();
        return new StoreLocation("jdbc:h2:file:" + abs + DEFAULTS, abs.toString(), abs);
    }

    private static ConfigException refused(String url, String why) {
        return new ConfigException("database URL " + url + " refused: " + why);
    }

    /** Drops {@code password=...} and {@code user:pass@} parts from URLs shown to users. */
    private static String redact(String url) {
        return url.replaceAll("(?i)(password=)[^;&]*", "$1****").replaceAll("//([^/@:]+):[^/@]*@", "//$1:****@");
    }

    @Override public String toString() { return display; }
}
