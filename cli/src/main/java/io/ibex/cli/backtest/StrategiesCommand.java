package io.ibex.cli.backtest;

import io.ibex.framework.strategy.ParamSpec;
import io.ibex.framework.strategy.StrategyFactory;
import io.ibex.framework.strategy.StrategyRegistry;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;

/** {@code ibex strategies}: every built-in and plugin strategy with its parameters, defaults and ranges. */
@Command(name = "strategies", mixinStandardHelpOptions = true,
    description = "List the built-in strategies (and those of --plugin JARs) with their parameters.")
public final class StrategiesCommand implements Callable<Integer> {
    @Spec CommandSpec spec;

    @Option(names = "--plugin", paramLabel = "JAR", description = "Also list the strategies of this plugin JAR, repeatable.")
    List<Path> plugins = new ArrayList<>();

    @Override
    public Integer call() {
        PrintWriter w = spec.commandLine().getOut();
        try (StrategyRegistry registry = StrategyRegistry.load(plugins)) {
            for (StrategyFactory f : registry.all()) {
                String origin = registry.origin(f.name());
                w.println(f.name() + "  (version " + f.version() + (origin.equals(StrategyRegistry.BUILT_IN) ? ", built-in)"
                    : ", plugin " + origin + " sha256 " + registry.pluginHashes().get(origin) + ")"));
                w.println("    " + f.description());
                for (ParamSpec p : f.params()) w.println("    -p " + p.describe());
            }
        }
        w.println("Use: ibex backtest --data SRC --strategy NAME [-p key=value]...");
        w.flush();
        return 0;
    }
}
