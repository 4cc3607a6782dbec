package io.ibex.backtest.sweep;

import io.ibex.backtest.BacktestEngine;
import io.ibex.backtest.BacktestResult;
import io.ibex.backtest.SampleBars;
import io.ibex.data.BarSources;
import io.ibex.framework.domain.Bars;
import io.ibex.framework.error.ConfigException;
import io.ibex.framework.strategy.BarWindow;
import io.ibex.framework.strategy.Strategy;
import io.ibex.framework.strategy.StrategyContext;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

class WalkForwardTest {
    private static final SweepEngine.Options TWO = new SweepEngine.Options(2, "local[*]");

    @Test void eachWindowTradesTheTrainWinnerAndTheStitchedCurveCompoundsTheWindowReturns() {
        Bars bars = BarSources.load("sample:aapl-2013", null);
        ParamGrid grid = ParamGrid.parse(List.of("fast=3,5,10", "slow=15,20,40"));
        SweepJob job = SweepJob.of(SweepSettings.defaults("sma-cross"), grid, grid.all(), SweepRun.MAX_PERIODS);
        LocalSweepEngine engine = new LocalSweepEngine();
        WalkForward.Result r = WalkForward.run(engine, TWO, job, bars, new WalkForward.Spec(100, 50), RankBy.SHARPE, SweepProgress.NONE);

        assertThat(r.windows()).hasSize(3);                       // (252 - 100) / 50
        assertThat(r.equity()).hasSize(1 + 3 * 50);
        assertThat(r.equity()[0]).isEqualTo(100_000.0);
        double compounded = 1;
        for (WalkForwardWindow w : r.windows()) {
            List<SweepRow> train = engine.run(job, bars.slice(w.trainFrom(), w.trainTo()), TWO, SweepProgress.NONE);
            assertThat(w.params()).isEqualTo(train.get(RankBy.SHARPE.best(train)).params());
            assertThat(w.testStartMillis()).isEqualTo(bars.time(w.trainTo()));
            compounded *= 1 + w.oosReturn();
        }
        assertThat(r.oosReturn()).isCloseTo(compounded - 1, within(1e-12));
        assertThat(r.time()).isSorted().doesNotHaveDuplicates();
        assertThat(WalkForwardCsv.windows(grid.names(), r).lines().findFirst())
            .hasValue("window,train_start,train_end,test_start,test_end,fast,slow,train_score,oos_return");
    }

    @Test void duringWarmUpTheStrategySeesBarsButNoOrderReachesTheBroker() {
        Bars bars = SampleBars.of(new double[][]{{10, 11, 9, 10}, {10, 11, 9, 10}, {10, 11, 9, 10}, {10, 12, 9, 11},
            {11, 12, 10, 11}, {11, 13, 10, 12}});
        int[] seen = new int[1];
        Strategy buyEveryBar = new Strategy() {
            @Override public void onBar(BarWindow w, StrategyContext ctx) {
                seen[0]++;
                ctx.buy(w.instrument(), 1);
            }
        };
        BacktestResult r = new BacktestEngine(SweepSettings.defaults("sma-cross").toConfig()).run(bars, new WarmUpStrategy(buyEveryBar, 3));
        assertThat(seen[0]).isEqualTo(6);
        assertThat(r.orders("submitted")).hasSize(3);            // bars 3, 4, 5 only
        assertThat(r.equity()[2]).isEqualTo(100_000.0);          // untouched through the warm-up
    }

    @Test void aWalkForwardLongerThanTheDataIsAOneLineConfigError() {
        Bars bars = BarSources.load("sample:aapl-2013", null);
        ParamGrid grid = ParamGrid.parse(List.of("fast=3", "slow=15"));
        SweepJob job = SweepJob.of(SweepSettings.defaults("sma-cross"), grid, grid.all(), SweepRun.MAX_PERIODS);
        assertThatThrownBy(() -> WalkForward.run(new LocalSweepEngine(), TWO, job, bars, new WalkForward.Spec(252, 63),
            RankBy.SHARPE, SweepProgress.NONE)).isInstanceOf(ConfigException.class).hasMessageContaining("needs at least 315 bars");
        assertThatThrownBy(() -> WalkForward.Spec.parse("train=252")).isInstanceOf(ConfigException.class)
            .hasMessageContaining("expected train=BARS,test=BARS");
    }
}
