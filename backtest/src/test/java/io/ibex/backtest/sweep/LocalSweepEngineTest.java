package io.ibex.backtest.sweep;

import io.ibex.backtest.BacktestEngine;
import io.ibex.backtest.BacktestResult;
import io.ibex.backtest.metrics.Metrics;
import io.ibex.backtest.metrics.PerformanceMetrics;
import io.ibex.data.BarSources;
import io.ibex.framework.domain.Bars;
import io.ibex.framework.strategy.StrategyRegistry;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

class LocalSweepEngineTest {
    private static final List<String> GRID = List.of("fast=2:20:3", "slow=5:60:5");

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"sample:aapl-2013", "sample:eth-5m-2023"})
    void oneTwoAndManyWorkersWriteByteIdenticalSweepCsv(String source) {
        Bars bars = BarSources.load(source, null);
        ParamGrid grid = ParamGrid.parse(GRID);
        SweepJob job = SweepJob.of(SweepSettings.defaults("sma-cross"), grid, grid.all(), SweepRun.MAX_PERIODS);
        String one = csv(job, grid, bars, 1);
        assertThat(csv(job, grid, bars, 2)).isEqualTo(one);
        assertThat(csv(job, grid, bars, 7)).isEqualTo(one);
        assertThat(one.lines().count()).as("header + every set with fast < slow").isEqualTo(1 + ran(grid));
        assertThat(one.lines().skip(1).map(l -> l.split(",")[2]).filter(t -> !t.equals("0")).count())
            .as("sets that traded").isGreaterThan(10);
    }

    @Test void everyRowIsWhatASingleBacktestOfThatSetGives() {
        Bars bars = BarSources.load("sample:aapl-2013", null);
        ParamGrid grid = ParamGrid.parse(List.of("fast=5,10", "slow=20,30"));
        SweepJob job = SweepJob.of(SweepSettings.defaults("sma-cross"), grid, grid.all(), SweepRun.MAX_PERIODS);
        List<SweepRow> rows = new LocalSweepEngine().run(job, bars, new SweepEngine.Options(2, "local[*]"), SweepProgress.NONE);
        try (StrategyRegistry r = StrategyRegistry.builtIn()) {
            for (SweepRow row : rows) {
                BacktestResult single = new BacktestEngine(job.settings().toConfig())
                    .run(bars, SweepTask.create(r.find("sma-cross"), row.params()));
                Metrics m = PerformanceMetrics.of(single);
                assertThat(row.trades()).isEqualTo(m.trades());
                assertThat(row.sharpe()).isEqualTo(m.sharpe());
                assertThat(row.totalReturn()).isEqualTo(m.totalReturn());
                assertThat(row.cagr()).isEqualTo(m.cagr());
                assertThat(row.sortino()).isEqualTo(m.sortino());
                assertThat(row.maxDrawdown()).isEqualTo(m.maxDrawdown());
                assertThat(row.profitFactor()).isEqualTo(m.profitFactor());
                assertThat(row.finalEquity()).isEqualByComparingTo(single.finalEquity());
            }
        }
    }

    @Test void refusedCombinationsAreSkippedAndCountedNotFatal() {
        Bars bars = BarSources.load("sample:aapl-2013", null);
        ParamGrid grid = ParamGrid.parse(List.of("fast=10,30", "slow=20,30"));
        SweepJob job = SweepJob.of(SweepSettings.defaults("sma-cross"), grid, grid.all(), SweepRun.MAX_PERIODS);
        AtomicInteger finished = new AtomicInteger();
        List<SweepRow> rows = new LocalSweepEngine().run(job, bars, new SweepEngine.Options(2, "local[*]"), finished::incrementAndGet);
        assertThat(finished).hasValue(4);
        assertThat(rows).extracting(SweepRow::gridIndex).containsExactly(0, 1, 2, 3);
        assertThat(rows).extracting(SweepRow::ran).containsExactly(true, true, false, false);
        assertThat(rows.get(2).skipped()).contains("fast (30) must be smaller than slow (20)");
        assertThat(SweepCsv.render(grid.names(), rows).lines()).hasSize(3);
    }

    @Test void aRandomSampleRunsOnlyTheChosenSetsInGridOrder() {
        Bars bars = BarSources.load("sample:aapl-2013", null);
        ParamGrid grid = ParamGrid.parse(GRID);
        int[] pick = grid.sample(9, 42);
        SweepJob job = SweepJob.of(SweepSettings.defaults("sma-cross"), grid, pick, SweepRun.MAX_PERIODS);
        List<SweepRow> rows = new LocalSweepEngine().run(job, bars, new SweepEngine.Options(2, "local[*]"), SweepProgress.NONE);
        assertThat(rows).extracting(SweepRow::gridIndex).containsExactly(java.util.Arrays.stream(pick).boxed().toArray(Integer[]::new));
        for (SweepRow r : rows) assertThat(r.params()).isEqualTo(grid.paramSet(r.gridIndex()));
    }

    @Test void longSeriesAreCompoundedIntoAtMostMaxPeriodsWithTheSameTotalReturn() {
        double[] equity = {101, 102, 99, 100, 103};
        double[] r = PeriodReturns.of(equity, 100, 2);
        assertThat(r).hasSize(2);
        assertThat(r[0]).isCloseTo(99 / 100.0 - 1, org.assertj.core.data.Offset.offset(1e-15));
        assertThat(r[1]).isCloseTo(103 / 99.0 - 1, org.assertj.core.data.Offset.offset(1e-15));
        assertThat(PeriodReturns.of(equity, 100, 10)).hasSize(5);
    }

    private static String csv(SweepJob job, ParamGrid grid, Bars bars, int workers) {
        return SweepCsv.render(grid.names(), new LocalSweepEngine().run(job, bars, new SweepEngine.Options(workers, "local[*]"), SweepProgress.NONE));
    }

    private static long ran(ParamGrid grid) {
        long n = 0;
        for (int i = 0; i < grid.size(); i++) {
            Map<String, String> p = grid.paramSet(i);
            if (Integer.parseInt(p.get("fast")) < Integer.parseInt(p.get("slow"))) n++;
        }
        return n;
    }
}
