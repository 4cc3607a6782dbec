package io.ibex.backtest;

import io.ibex.framework.strategy.Sizing;
import io.ibex.framework.domain.Bars;
import io.ibex.framework.domain.Instrument;
import io.ibex.framework.indicator.Sma;
import io.ibex.framework.strategy.BarWindow;
import io.ibex.framework.strategy.Strategy;
import io.ibex.framework.strategy.StrategyContext;
import org.junit.jupiter.api.Test;

import java.lang.management.ManagementFactory;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A guard, not a benchmark (JMH -prof gc in benchmarks/ is the measurement): the bar loop allocates nothing when no
 * order is placed. Counts the bytes this thread allocates for runs of n and 2n bars; the difference, minus the 8 bytes
 * per bar of the equity curve the result must hold, is what the loop itself allocates per bar.
 */
class NoAllocationPerBarTest {
    /** Reads the window and the context on every bar like a real strategy, and never orders. */
    static final class Watcher implements Strategy {
        private final Sma sma = new Sma(20);
        double sink;
        @Override public int lookback() { return 5; }
        @Override public void onBar(BarWindow w, StrategyContext ctx) {
            double v = sma.update(w.close(0)) + w.high(w.size() - 1) + ctx.position(w.instrument()) + ctx.equity()
                + ctx.sizeFor(w.instrument(), w.close(0)) + ctx.now();
            sink += v;
        }
    }

    private static Bars bars(int n) {
        Bars.Builder b = Bars.builder(Instrument.of("SYN"), "synthetic");
        double p = 100;
        for (int i = 0; i < n; i++) {
            double next = 100 + 10 * Math.sin(i / 50.0);
            b.add(60_000L * i, p, Math.max(p, next) + 0.01, Math.min(p, next) - 0.01, next, 1);
            p = next;
        }
        return b.build();
    }

    private static long allocated(BacktestEngine engine, Bars bars) {
        var mx = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        long before = mx.getCurrentThreadAllocatedBytes();
        engine.run(bars, new Watcher());
        return mx.getCurrentThreadAllocatedBytes() - before;
    }

    @Test
    void theBarLoopAllocatesNothingPerBarWhenNoOrderIsPlaced() {
        int n = 200_000;
        Bars small = bars(n), large = bars(2 * n);
        BacktestEngine engine = new BacktestEngine(BacktestConfig.defaults().withSizing(new Sizing.PercentOfEquity(10)));
        for (int k = 0; k < 5; k++) { allocated(engine, small); allocated(engine, large); } // let the JIT settle
        // minus the two result arrays sized once per run: equity and position, one double each per bar
        long perBar = (allocated(engine, large) - allocated(engine, small) - 16L * n) / n;
        assertThat(perBar).isLessThan(1);
    }
}
