package io.ibex.bench;

import io.ibex.backtest.sweep.LocalSweepEngine;
import io.ibex.backtest.sweep.Overfitting;
import io.ibex.backtest.sweep.ParamGrid;
import io.ibex.backtest.sweep.PeriodReturns;
import io.ibex.backtest.sweep.RankBy;
import io.ibex.backtest.sweep.SweepEngine;
import io.ibex.backtest.sweep.SweepJob;
import io.ibex.backtest.sweep.SweepProgress;
import io.ibex.backtest.sweep.SweepRow;
import io.ibex.backtest.sweep.SweepRun;
import io.ibex.backtest.sweep.SweepSettings;
import io.ibex.framework.domain.Bars;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The sweep target: 1,000 sma-cross parameter sets (fast 5..100 step 5 x slow 110..600 step 10, all valid) over
 * {@code bars} synthetic minute bars on the local engine with {@code workers} threads, plus the overfitting report.
 * Single shot: one sweep is many seconds. Smaller shapes: {@code -p sets=100 -p bars=100000}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 1)
@Measurement(iterations = 2)
@Fork(value = 1, jvmArgsAppend = {"-Xmx2g", "--sun-misc-unsafe-memory-access=allow"})
public class SweepBenchmark {
    @Param({"1000000"}) public int bars;
    @Param({"1000"}) public int sets;
    @Param({"2"}) public int workers;

    private Bars series;
    private SweepJob job;

    @Setup
    public void setUp() {
        series = SyntheticBars.generate(bars).toBars();
        int slowValues = Math.max(1, sets / 20);
        ParamGrid grid = ParamGrid.parse(List.of("fast=5:100:5", "slow=110:" + (110 + 10 * (slowValues - 1)) + ":10"));
        job = SweepJob.of(SweepSettings.defaults("sma-cross"), grid, grid.all(), SweepRun.MAX_PERIODS);
    }

    @Benchmark
    public Overfitting sweepAndOverfittingReport() {
        List<SweepRow> rows = new LocalSweepEngine().run(job, series, new SweepEngine.Options(workers, "local[*]"), SweepProgress.NONE);
        return Overfitting.of(rows, RankBy.SHARPE, PeriodReturns.barsPerPeriod(series.size(), job.maxPeriods()));
    }
}
