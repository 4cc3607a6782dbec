package io.ibex.cli.backtest;

import io.ibex.backtest.BacktestEngine;
import io.ibex.backtest.BacktestResult;
import io.ibex.backtest.GuardedStrategy;
import io.ibex.backtest.PathRange;
import io.ibex.backtest.PortfolioEngine;
import io.ibex.backtest.metrics.Metrics;
import io.ibex.backtest.metrics.PerformanceMetrics;
import io.ibex.backtest.report.OutputDir;
import io.ibex.backtest.report.ReportWriter;
import io.ibex.backtest.report.RunInfo;
import io.ibex.data.BarSources;
import io.ibex.framework.domain.Bars;
import io.ibex.framework.error.ConfigException;
import io.ibex.framework.strategy.ParamSpec;
import io.ibex.framework.strategy.Params;
import io.ibex.framework.strategy.Strategy;
import io.ibex.framework.strategy.StrategyFactory;
import io.ibex.framework.strategy.StrategyRegistry;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What {@code ibex backtest} and {@code ibex demo} do: resolve the strategy (before touching data, so a typo fails
 * fast), load the bars, run, compute statistics and write the outputs.
 */
public final class BacktestRun {
    /**
     * Everything a command prints about a finished run.
     *
     * @param pathRange  net profit per intrabar path with {@code --path-range}, else null
     * @param warnings   what the user should know although the run worked (see {@link RunWarnings})
     * @param totalNanos the whole run: loading the data, the engine, the statistics and the output files
     */
    public record Outcome(RunInfo info, BacktestResult result, Metrics metrics, Path out, PathRange pathRange, List<String> warnings,
                          long totalNanos) {}

    private BacktestRun() {}

    public static Outcome execute(BacktestRequest req) { return execute(req, false); }

    /** @param pathRange also rerun under every {@link io.ibex.execution.IntrabarPath} and report the spread */
    public static Outcome execute(BacktestRequest req, boolean pathRange) {
        long start = System.nanoTime();
        try (StrategyRegistry registry = StrategyRegistry.load(req.plugins())) {
            StrategyFactory factory = registry.find(req.strategy());
            // -p values keep the user's order for the error message; Params keeps declaration order
            Params params = Params.resolve(factory.name(), factory.params(), new LinkedHashMap<>(req.params()));
            Strategy strategy = GuardedStrategy.create(factory, params);
            if (req.out() != null) OutputDir.check(req.out());
            if (!req.moreData().isEmpty()) return portfolio(req, registry, factory, params, pathRange, start);
            Bars bars = BarSources.load(req.data(), req.bar(), req.symbol(), req.db());
            List<String> warnings = new ArrayList<>(RunWarnings.warmUp(factory, params, bars, req.data()));
            BacktestResult result = new BacktestEngine(req.config()).run(bars, strategy);
            warnings.addAll(RunWarnings.of(result));
            Metrics metrics = PerformanceMetrics.of(result);
            RunInfo info = new RunInfo(factory.name(), factory.version(), shown(factory, params), req.data(),
                registry.pluginHashes());
            PathRange range = pathRange ? PathRange.of(req.config(), bars, () -> GuardedStrategy.create(factory, params)) : null;
            write(req, info, result, metrics, range);
            return new Outcome(info, result, metrics, req.out(), range, warnings, System.nanoTime() - start);
        }
    }

    /** Several {@code --data}: one {@link PortfolioEngine} run; summary and report name every data source. */
    private static Outcome portfolio(BacktestRequest req, StrategyRegistry registry, StrategyFactory factory, Params params,
                                     boolean pathRange, long start) {
        if (pathRange) throw new ConfigException("--path-range works with one --data only; drop it or run each symbol alone");
        List<Bars> series = new ArrayList<>();
        Map<String, String> from = new HashMap<>(); // symbol -> the --data it came from
        for (String src : req.allData()) {
            Bars b = BarSources.load(src, req.bar(), req.symbol(), req.db());
            String earlier = from.putIfAbsent(b.instrument().symbol(), src);
            if (earlier != null)
                throw new ConfigException("--data " + src + ": symbol " + b.instrument().symbol() + " already comes from --data "
                    + earlier + "; give each symbol once");
            series.add(b);
        }
        BacktestResult result = new PortfolioEngine(req.config()).run(series, i -> GuardedStrategy.create(factory, params));
        Metrics metrics = PerformanceMetrics.of(result);
        RunInfo info = new RunInfo(factory.name(), factory.version(), shown(factory, params),
            String.join(", ", req.allData()), registry.pluginHashes());
        write(req, info, result, metrics, null);
        return new Outcome(info, result, metrics, req.out(), null, List.of(), System.nanoTime() - start);
    }

    private static void write(BacktestRequest req, RunInfo info, BacktestResult result, Metrics metrics, PathRange range) {
        if (req.out() == null) return;
        try (SlowStepNotice notice = SlowStepNotice.onTerminal("writing report")) {
            ReportWriter.write(req.out(), info, result, metrics, range, req.sharpeCi());
        }
    }

    private static Map<String, String> shown(StrategyFactory factory, Params params) {
        Map<String, String> out = new LinkedHashMap<>();
        for (ParamSpec s : factory.params()) out.put(s.name(), s.format(params.doubleValue(s.name())));
        return out;
    }
}
