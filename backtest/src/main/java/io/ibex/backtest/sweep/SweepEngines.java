package io.ibex.backtest.sweep;

import io.ibex.framework.domain.Bars;
import io.ibex.framework.error.ConfigException;

import java.io.IOException;
import java.net.MalformedURLException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.ServiceLoader;
import java.util.stream.Stream;

/**
 * Finds the {@code --engine}. {@code local} is built in. Others come through {@link ServiceLoader}: first from the
 * class path (the Spark job JAR under spark-submit), then, for {@code spark}, from the JARs the backtest-spark module
 * collects at build time ({@code backtest-spark/target/ibex-backtest-spark.jar} + {@code backtest-spark/target/lib/}
 * under {@code -Dibex.home}, or the directory in {@code -Dibex.spark.lib}), loaded in their own class loader so the CLI
 * JAR stays small.
 */
public final class SweepEngines {
    public static final String SPARK_JAR = "backtest-spark/target/ibex-backtest-spark.jar";
    public static final String SPARK_LIB = "backtest-spark/target/lib";

    private SweepEngines() {}

    public static SweepEngine find(String name) {
        if (name.equals("local")) return new LocalSweepEngine();
        for (SweepEngine e : ServiceLoader.load(SweepEngine.class, SweepEngines.class.getClassLoader()))
            if (e.name().equals(name)) return e;
        if (!name.equals("spark")) throw new ConfigException("unknown --engine '" + name + "'; use local or spark");
        List<Path> jars = sparkJars();
        if (jars.isEmpty())
            throw new ConfigException("the spark engine is not on the class path and " + sparkHint()
                + " is missing: build it with 'mvn -B -DskipTests package' (./ibex does), or run with the spark job JAR: "
                + "spark-submit --class io.ibex.spark.SparkSweepMain backtest-spark/target/ibex-spark-job.jar sweep ...");
        URLClassLoader loader = new URLClassLoader("ibex-spark", urls(jars), SweepEngines.class.getClassLoader());
        for (SweepEngine e : ServiceLoader.load(SweepEngine.class, loader))
            if (e.name().equals(name)) return new WithContextLoader(e, loader);
        throw new ConfigException("no spark engine found in " + sparkHint() + " (rebuild: mvn -B -DskipTests package)");
    }

    private static String sparkHint() {
        String lib = System.getProperty("ibex.spark.lib");
        if (lib != null) return lib;
        return Path.of(System.getProperty("ibex.home", ".")).resolve(SPARK_LIB).toString();
    }

    /** The module JAR and its runtime dependencies, or nothing when they were not built. */
    static List<Path> sparkJars() {
        String lib = System.getProperty("ibex.spark.lib");
        Path home = Path.of(System.getProperty("ibex.home", "."));
        Path libDir = lib != null ? Path.of(lib) : home.resolve(SPARK_LIB);
        Path moduleJar = lib != null ? libDir.resolveSibling("ibex-backtest-spark.jar") : home.resolve(SPARK_JAR);
        if (!Files.isDirectory(libDir) || !Files.isRegularFile(moduleJar)) return List.of();
        List<Path> jars = new ArrayList<>();
        jars.add(moduleJar);
        try (Stream<Path> s = Files.list(libDir)) {
            s.filter(p -> p.getFileName().toString().endsWith(".jar")).sorted().forEach(jars::add);
        } catch (IOException e) {
            throw new ConfigException("cannot list " + libDir + ": " + e.getMessage(), e);
        }
        return jars;
    }

    private static URL[] urls(List<Path> jars) {
        URL[] urls = new URL[jars.size()];
        for (int i = 0; i < urls.length; i++) {
            try {
                urls[i] = jars.get(i).toUri().toURL();
            } catch (MalformedURLException e) {
                throw new ConfigException("bad JAR path " + jars.get(i) + ": " + e.getMessage(), e);
            }
        }
        return urls;
    }

    /** Spark resolves classes through the thread's context class loader: point it at the engine's loader for the run. */
    private record WithContextLoader(SweepEngine engine, ClassLoader loader) implements SweepEngine {
        @Override public String name() { return engine.name(); }

        @Override public List<SweepRow> run(SweepJob job, Bars bars, Options options, SweepProgress progress) {
            Thread t = Thread.currentThread();
            ClassLoader before = t.getContextClassLoader();
            t.setContextClassLoader(loader);
            try {
                return engine.run(job, bars, options, progress);
            } finally {
                t.setContextClassLoader(before);
            }
        }

        @Override public void close() { engine.close(); }
    }
}
