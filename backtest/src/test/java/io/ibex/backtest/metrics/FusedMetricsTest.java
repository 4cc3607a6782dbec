package io.ibex.backtest.metrics;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.SplittableRandom;

import static org.assertj.core.api.Assertions.assertThat;

/** {@link PerformanceMetrics#of} computes Sharpe, Sortino and max drawdown in fused passes: bit for bit the one-by-one values. */
class FusedMetricsTest {
    @Test void theFusedPassesGiveExactlyTheSeparateFunctionsResults() {
        SplittableRandom random = new SplittableRandom(7);
        for (int run = 0; run < 200; run++) {
            int n = 1 + random.nextInt(2_000);
            double[] equity = new double[n];
            long[] time = new long[n];
            double e = 100_000;
            for (int i = 0; i < n; i++) {
                e = random.nextInt(50) == 0 ? e : Math.max(0, e * (1 + random.nextGaussian() * 0.01));
                equity[i] = e;
                time[i] = 1_700_000_000_000L + i * 60_000L;
            }
            Metrics m = PerformanceMetrics.of(equity, time, 100_000, equity[n - 1], List.of(), 252);
            assertThat(m.sharpe()).isEqualTo(PerformanceMetrics.sharpe(equity, 100_000, 252));
            assertThat(m.sortino()).isEqualTo(PerformanceMetrics.sortino(equity, 100_000, 252));
            assertThat(m.maxDrawdown()).isEqualTo(PerformanceMetrics.maxDrawdown(equity));
        }
    }
}
