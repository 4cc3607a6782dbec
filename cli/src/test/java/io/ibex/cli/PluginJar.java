package io.ibex.cli;

import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;

/** Builds a real strategy plugin JAR: compiles a factory from source against the test class path and jars it. */
final class PluginJar {
    private PluginJar() {}

    static Path build(Path dir, String strategyName) throws IOException {
        return build(dir, strategyName,
            "(w, ctx) -> { if (ctx.position(w.instrument()) == 0 && w.time(0) < ctx.now()) ctx.buy(w.instrument(), qty); }");
    }

    /** @param strategyLambda a {@code Strategy} lambda expression that may use {@code int qty} */
    static Path build(Path dir, String strategyName, String strategyLambda) throws IOException {
        Path src = dir.resolve("src/acme/BuyAndHoldFactory.java");
        Files.createDirectories(src.getParent());
        Files.writeString(src, """
            package acme;
            import io.ibex.framework.strategy.*;
            import java.util.List;
            public final class BuyAndHoldFactory implements StrategyFactory {
                public String name() { return "%s"; }
                public String description() { return "Buys once on the first bar and holds."; }
                public List<ParamSpec> params() { return List.of(ParamSpec.integer("qty", 2, 1, 100, "units to buy")); }
                public String version() { return "7"; }
                public Strategy create(Params p) {
                    int qty = p.intValue("qty");
                    return %s;
                }
            }
            """.formatted(strategyName, strategyLambda));
        Path classes = dir.resolve("classes");
        Files.createDirectories(classes);
        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        int rc = javac.run(null, null, null, "--release", "21", "-cp", System.getProperty("java.class.path"),
            "-d", classes.toString(), src.toString());
        if (rc != 0) throw new IllegalStateException("javac failed with " + rc);
        Path jar = dir.resolve(strategyName + ".jar");
        try (JarOutputStream out = new JarOutputStream(Files.newOutputStream(jar))) {
            put(out, "acme/BuyAndHoldFactory.class", Files.readAllBytes(classes.resolve("acme/BuyAndHoldFactory.class")));
            for (Path p : Files.list(classes.resolve("acme")).toList())
                if (!p.getFileName().toString().equals("BuyAndHoldFactory.class"))
                    put(out, "acme/" + p.getFileName(), Files.readAllBytes(p));
            put(out, "META-INF/services/io.ibex.framework.strategy.StrategyFactory", "acme.BuyAndHoldFactory\n".getBytes());
        }
        return jar;
    }

    private static void put(JarOutputStream out, String name, byte[] bytes) throws IOException {
        out.putNextEntry(new JarEntry(name));
        OutputStream o = out;
        o.write(bytes);
        out.closeEntry();
    }
}
