package io.ibex.backtest.cli;

import io.ibex.backtest.BacktestEngine;
import io.ibex.backtest.BacktestResult;
import io.ibex.backtest.PathRange;
import io.ibex.backtest.metrics.Metrics;
import io.ibex.backtest.metrics.PerformanceMetrics;
import io.ibex.backtest.report.ReportWriter;
import io.ibex.backtest.report.RunInfo;
import io.ibex.data.BarSources;
import io.ibex.framework.domain.Bars;
import io.ibex.framework.strategy.ParamSpec;
import io.ibex.framework.strategy.Params;
import io.ibex.framework.strategy.Strategy;
import io.ibex.framework.strategy.StrategyFactory;
import io.ibex.framework.strategy.StrategyRegistry;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What {@code ibex backtest} and {@code ibex demo} do: resolve the strategy (before touching data, so a typo fails
 * fast), load the bars, run, compute statistics and write the outputs.
 */
public final class BacktestRun {
    /** Everything a command prints about a finished run. */
    /** @param pathRange net profit per intrabar path with {@code --path-range}, else null */
    public record Outcome(RunInfo info, BacktestResult result, Metrics metrics, Path out, PathRange pathRange) {
        public Outcome(RunInfo info, BacktestResult result, Metrics metrics, Path out) { this(info, result, metrics, out, null); }
    }

    private BacktestRun() {}

    public static Outcome execute(BacktestRequest req) { return execute(req, false); }

    /** @param pathRange also rerun under every {@link io.ibex.backtest.IntrabarPath} and report the spread */
    public static Outcome execute(BacktestRequest req, boolean pathRange) {
        try (StrategyRegistry registry = StrategyRegistry.load(req.plugins())) {
            StrategyFactory factory = registry.find(req.strategy());
            // -p values keep the user's order for the error message; Params keeps declaration order
            Params params = Params.resolve(factory.name(), factory.params(), new LinkedHashMap<>(req.params()));
            Strategy strategy = factory.create(params);
            Bars bars = BarSources.load(req.data(), req.bar(), req.symbol());
            BacktestResult result = new BacktestEngine(req.config()).run(bars, strategy);
            Metrics metrics = PerformanceMetrics.of(result);
            RunInfo info = new RunInfo(factory.name(), factory.version(), shown(factory, params), req.data(),
                registry.pluginHashes());
            PathRange range = pathRange ? PathRange.of(req.config(), bars, () -> factory.create(params)) : null;
            if (req.out() != null) ReportWriter.write(req.out(), info, result, metrics, range);
            return new Outcome(info, result, metrics, req.out(), range);
        }
    }

    private static Map<String, String> shown(StrategyFactory factory, Params params) {
        Map<String, String> out = new LinkedHashMap<>();
        for (ParamSpec s : factory.params()) out.put(s.name(), s.format(params.doubleValue(s.name())));
        return out;
    }
}
