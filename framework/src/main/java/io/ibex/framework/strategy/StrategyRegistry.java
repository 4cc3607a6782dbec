package io.ibex.framework.strategy;

import io.ibex.framework.error.ConfigException;

import java.io.IOException;
import java.io.InputStream;
import java.net.MalformedURLException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.ServiceConfigurationError;
import java.util.ServiceLoader;
import java.util.TreeMap;
import java.util.jar.JarFile;

/**
 * The strategies a run can use: the built-in ones found by {@link ServiceLoader} on the class path, plus those of
 * plugin JARs given by the user ({@code --plugin path.jar}), each loaded through its own class loader. Every plugin
 * JAR's SHA-256 is kept so reports can say exactly which code ran. Close it when the run is over.
 */
public final class StrategyRegistry implements AutoCloseable {
    public static final String BUILT_IN = "built-in";

    private final Map<String, StrategyFactory> byName;
    private final Map<String, String> originByName;
    private final Map<String, String> pluginHashes;
    private final List<URLClassLoader> loaders;

    private StrategyRegistry(Map<String, StrategyFactory> byName, Map<String, String> originByName,
                             Map<String, String> pluginHashes, List<URLClassLoader> loaders) {
        this.byName = byName;
        this.originByName = originByName;
        this.pluginHashes = pluginHashes;
        this.loaders = loaders;
    }

    /** Built-in strategies only. */
    public static StrategyRegistry builtIn() { return load(List.of()); }

    /**
     * Built-in strategies plus those of {@code pluginJars}.
     *
     * @throws ConfigException for a missing or unreadable JAR, a JAR without strategies, a broken service entry or two
     *                         strategies with the same name
     */
    public static StrategyRegistry load(List<Path> pluginJars) {
        Map<String, StrategyFactory> byName = new TreeMap<>();
        Map<String, String> origin = new TreeMap<>();
        Map<String, String> hashes = new LinkedHashMap<>();
        List<URLClassLoader> loaders = new ArrayList<>();
        ClassLoader base = StrategyRegistry.class.getClassLoader();
        try {
            for (StrategyFactory f : factories(ServiceLoader.load(StrategyFactory.class, base), null, BUILT_IN))
                add(byName, origin, f, BUILT_IN);
            for (Path jar : pluginJars) {
                String where = jar.toString();
                checkJar(jar);
                hashes.put(where, sha256(jar));
                URLClassLoader loader = new URLClassLoader("ibex-plugin:" + jar.getFileName(), new URL[]{url(jar)}, base);
                loaders.add(loader);
                List<StrategyFactory> found = factories(ServiceLoader.load(StrategyFactory.class, loader), loader, where);
                if (found.isEmpty())
                    throw new ConfigException("plugin " + jar + " declares no strategy: list your StrategyFactory class in"
                        + " META-INF/services/" + StrategyFactory.class.getName() + " inside the JAR");
                for (StrategyFactory f : found) add(byName, origin, f, where);
            }
        } catch (RuntimeException e) {
            closeAll(loaders);
            throw e;
        }
        return new StrategyRegistry(Collections.unmodifiableMap(byName), Collections.unmodifiableMap(origin),
            Collections.unmodifiableMap(hashes), List.copyOf(loaders));
    }

    /** Factories that {@code loader} itself defines (null: all), so a plugin does not re-list the built-ins. */
    private static List<StrategyFactory> factories(ServiceLoader<StrategyFactory> sl, ClassLoader loader, String where) {
        List<StrategyFactory> out = new ArrayList<>();
        try {
            for (StrategyFactory f : sl) if (loader == null || f.getClass().getClassLoader() == loader) out.add(f);
        } catch (ServiceConfigurationError | LinkageError e) {
            throw new ConfigException("cannot load strategies from " + where + ": " + e.getMessage()
                + " (is the JAR built against this ibex version, with a public no-argument factory constructor?)", e);
        }
        return out;
    }

    private static void add(Map<String, StrategyFactory> byName, Map<String, String> origin, StrategyFactory f, String where) {
        String name = f.name();
        String before = origin.get(name);
        if (before != null)
            throw new ConfigException("strategy name '" + name + "' is defined twice: by " + before + " and by " + where
                + "; rename one of them");
        byName.put(name, f);
        origin.put(name, where);
    }

    private static void checkJar(Path jar) {
        if (!Files.isRegularFile(jar)) throw new ConfigException("plugin JAR not found: " + jar);
        try (JarFile ignored = new JarFile(jar.toFile())) {
            // opened: it is a readable JAR
        } catch (IOException e) {
            throw new ConfigException("plugin " + jar + " is not a readable JAR: " + e.getMessage(), e);
        }
    }

    private static URL url(Path jar) {
        try {
            return jar.toUri().toURL();
        } catch (MalformedURLException e) {
            throw new ConfigException("plugin path " + jar + " cannot be turned into a URL: " + e.getMessage(), e);
        }
    }

    /** Hex SHA-256 of a file's bytes. */
    public static String sha256(Path file) {
        try (InputStream in = Files.newInputStream(file)) {
            MessageDigest md = MessageDigest.getInstance("SHA-256");
            byte[] buf = new byte[64 * 1024];
            for (int r; (r = in.read(buf)) > 0; ) md.update(buf, 0, r);
            return HexFormat.of().formatHex(md.digest());
        } catch (IOException e) {
            throw new ConfigException("cannot read " + file + ": " + e.getMessage(), e);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("this JVM lacks SHA-256", e);
        }
    }

    /** The factory named {@code name}; the error lists every known name. */
    public StrategyFactory find(String name) {
        StrategyFactory f = byName.get(name);
        if (f == null)
            throw new ConfigException("unknown strategy '" + name + "'; known: " + String.join(", ", byName.keySet())
                + " (plugins are added with --plugin path/to/strategy.jar)");
        return f;
    }

    /** All factories, sorted by name. */
    public List<StrategyFactory> all() { return List.copyOf(byName.values()); }

    /** "built-in" or the plugin JAR path that defined {@code name}. */
    public String origin(String name) {
        String o = originByName.get(name);
        if (o == null) throw new IllegalArgumentException("no strategy named " + name);
        return o;
    }

    /** Plugin JAR path -> hex SHA-256, in the order given. */
    public Map<String, String> pluginHashes() { return pluginHashes; }

    @Override public void close() { closeAll(loaders); }

    private static void closeAll(List<URLClassLoader> loaders) {
        for (URLClassLoader l : loaders) {
            try {
                l.close();
            } catch (IOException ignored) {
                // closing only releases the JAR file handle; nothing to recover
            }
        }
    }
}
