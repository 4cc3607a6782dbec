package io.ibex.backtest.sweep;

import io.ibex.backtest.BacktestConfig;
import io.ibex.backtest.BacktestEngine;
import io.ibex.backtest.BacktestResult;
import io.ibex.backtest.GuardedStrategy;
import io.ibex.backtest.metrics.Metrics;
import io.ibex.backtest.metrics.PerformanceMetrics;
import io.ibex.framework.domain.Bars;
import io.ibex.framework.error.ConfigException;
import io.ibex.framework.strategy.Params;
import io.ibex.framework.strategy.Strategy;
import io.ibex.framework.strategy.StrategyFactory;
import io.ibex.framework.strategy.StrategyRegistry;

import java.math.BigDecimal;
import java.math.MathContext;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Runs the parameter sets of one job over one series of bars. Every engine (the local pool, each Spark executor)
 * goes through here, so a parameter set gives the same row wherever it runs. Thread-safe: the bars are shared, read
 * only; each run gets its own strategy and engine state. Close it to release plugin class loaders.
 */
public final class SweepTask implements AutoCloseable {
    private final SweepJob job;
    private final Bars bars;
    private final StrategyRegistry registry;
    private final StrategyFactory factory;
    private final BacktestConfig config;
    /** Bar times and bars per year, computed once per sweep rather than once per run (a sort of all the gaps). */
    private final long[] time;
    private final double periodsPerYear;

    public SweepTask(SweepJob job, Bars bars) {
        this.job = job;
        this.bars = bars;
        this.config = job.settings().toConfig();
        this.time = new long[bars.size()];
        for (int i = 0; i < time.length; i++) time[i] = bars.time(i);
        this.periodsPerYear = PerformanceMetrics.periodsPerYear(time);
        this.registry = StrategyRegistry.load(job.settings().plugins().stream().map(Path::of).toList());
        try {
            this.factory = registry.find(job.settings().strategy());
        } catch (RuntimeException e) {
            registry.close();
            throw e;
        }
    }

    public StrategyFactory factory() { return factory; }

    /** The row of the {@code i}-th parameter set of the job (not the grid index). */
    public SweepRow run(int i) {
        int gridIndex = job.gridIndexAt(i);
        Map<String, String> params = job.paramSets().get(i);
        Strategy strategy;
        try {
            strategy = create(factory, params);
        } catch (ConfigException | IllegalArgumentException e) {
            return SweepRow.skipped(gridIndex, params, e.getMessage());
        }
        BacktestResult r = new BacktestEngine(config).run(bars, strategy);
        Metrics m = metrics(r);
        return new SweepRow(gridIndex, params, null, m.trades(), m.totalReturn(), m.cagr(), m.sharpe(), m.sortino(),
            m.maxDrawdown(), m.winRate(), m.profitFactor(), r.finalEquity(), r.totalCommission(),
            PeriodReturns.of(r.equity(), r.initialCash().doubleValue(), job.maxPeriods()));
    }

    /** The numbers {@link PerformanceMetrics#of(BacktestResult)} gives (so a row matches {@code ibex backtest}), from the shared times. */
    private Metrics metrics(BacktestResult r) {
        BigDecimal cash = r.initialCash();
        Metrics m = PerformanceMetrics.of(r.equity(), time, cash.doubleValue(), r.finalEquity().doubleValue(), r.trades(),
            periodsPerYear);
        double exactReturn = r.finalEquity().subtract(cash).divide(cash, MathContext.DECIMAL64).doubleValue();
        return new Metrics(exactReturn, m.cagr(), m.sharpe(), m.sortino(), m.maxDrawdown(), m.winRate(), m.profitFactor(),
            m.trades(), m.periodsPerYear());
    }

    /**
     * Runs {@code params} over all the bars, but lets the strategy only watch (orders dropped) during the first
     * {@code warmUpBars}: for walk-forward test windows whose indicators warm up on the train window.
     */
    public BacktestResult runWithWarmUp(Map<String, String> params, int warmUpBars) {
        return new BacktestEngine(config).run(bars, new WarmUpStrategy(create(factory, params), warmUpBars));
    }

    /** A strategy for {@code params}; the factory may refuse a combination with a ConfigException. */
    static Strategy create(StrategyFactory factory, Map<String, String> params) {
        return GuardedStrategy.create(factory, Params.resolve(factory.name(), factory.params(), new LinkedHashMap<>(params)));
    }

    @Override public void close() { registry.close(); }
}
