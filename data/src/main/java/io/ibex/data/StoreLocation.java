package io.ibex.data;

import io.ibex.framework.env.IbexHome;
import io.ibex.framework.error.ConfigException;

import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;

/**
 * Where the bar store lives: {@code --db} if given, else the {@code IBEX_DB} environment variable, else
 * {@code ~/.ibex/ibex}. Either a file path (H2 file mode, {@code WRITE_DELAY=0}) or a {@code jdbc:} URL.
 *
 * <p>URLs that can run code when the connection opens are refused (reliability.md S5: CVE-2022-23221 used
 * {@code INIT=RUNSCRIPT}); paths may not carry {@code ;} settings at all.
 *
 * @param jdbcUrl  what HikariCP connects to
 * @param display  what messages show (the path, or the URL)
 */
public record StoreLocation(String jdbcUrl, String display) {
    public static final String ENV = "IBEX_DB";
    private static final String[] FORBIDDEN = {"INIT=", "RUNSCRIPT", "AUTO_SERVER", "CREATE ALIAS", "ALIAS "};

    /** Resolves against the real environment and ibex home ({@link IbexHome}). */
    public static StoreLocation resolve(String dbOrNull) {
        return resolve(dbOrNull, System.getenv(), IbexHome.dir());
    }

    static StoreLocation resolve(String dbOrNull, Map<String, String> env, Path ibexHome) {
        String db = dbOrNull != null && !dbOrNull.isBlank() ? dbOrNull.trim()
            : env.get(ENV) != null && !env.get(ENV).isBlank() ? env.get(ENV).trim()
            : ibexHome.resolve("ibex").toString();
        if (db.regionMatches(true, 0, "jdbc:", 0, 5)) return ofUrl(db);
        return ofPath(db);
    }

    private static StoreLocation ofUrl(String url) {
        String upper = url.toUpperCase(Locale.ROOT).replaceAll("\\s+", " ");
        for (String bad : FORBIDDEN)
            if (upper.contains(bad) || upper.replace(" ", "").contains(bad.replace(" ", "")))
                throw new ConfigException("database URL refused: it contains '" + bad.trim() + "', which can run code"
                    + " when the connection opens; give a plain path or a jdbc:h2:file: URL without it");
        if (upper.startsWith("JDBC:H2:") && !upper.contains("WRITE_DELAY")) url = url + ";WRITE_DELAY=0";
        return new StoreLocation(url, redact(url));
    }

    private static StoreLocation ofPath(String path) {
        if (path.indexOf(';') >= 0)
            throw new ConfigException("database path '" + path + "' contains ';': settings cannot be passed in a"
                + " path; give a plain path or a full jdbc: URL");
        String p = path.endsWith(".mv.db") ? path.substring(0, path.length() - ".mv.db".length()) : path;
        String abs = Path.of(p).toAbsolutePath().normalize().toString();
        return new StoreLocation("jdbc:h2:file:" + abs + ";WRITE_DELAY=0", abs);
    }

    /** Drops {@code password=...} and {@code user:pass@} parts from URLs shown to users. */
    private static String redact(String url) {
        return url.replaceAll("(?i)(password=)[^;&]*", "$1****").replaceAll("//([^/@:]+):[^/@]*@", "//$1:****@");
    }

    @Override public String toString() { return display; }
}
