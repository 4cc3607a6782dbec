package io.ibex.backtest.stats;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class BootstrapPointsTest {
    private static final long HOUR = 3_600_000L;

    @Test
    void fewBarsAreUsedAsTheyAre() {
        double[] equity = {100, 101, 99, 102};
        BootstrapPoints p = BootstrapPoints.of(equity, new long[] {0, HOUR, 2 * HOUR, 3 * HOUR}, 8760, 30);
        assertThat(p.returns()).containsExactly(EquityStats.returns(equity));
        assertThat(p.periodsPerYear()).isEqualTo(8760);
    }

    @Test
    void manyIntradayBarsBecomeDailyPointsWithTheYearKept() {
        int days = 40, perDay = 24, n = days * perDay;
        double[] equity = new double[n];
        long[] time = new long[n];
        for (int i = 0; i < n; i++) {
            time[i] = i * HOUR;
            equity[i] = 100 + i % perDay + i / perDay;     // day d ends at 100 + 23 + d
        }
        BootstrapPoints p = BootstrapPoints.of(equity, time, 24 * 365, 100);
        assertThat(p.returns()).hasSize(days);
        assertThat(p.returns()[0]).isEqualTo(123.0 / 100 - 1);        // from the first bar to the end of day 0
        assertThat(p.returns()[1]).isEqualTo(124.0 / 123 - 1);
        assertThat(p.periodsPerYear()).isCloseTo(24 * 365.0 * days / (n - 1), org.assertj.core.api.Assertions.within(1e-9));
    }

    @Test
    void moreDaysThanPointsAreGroupedAndOneDayOfBarsIsCutByCount() {
        int n = 1000;
        double[] equity = new double[n];
        long[] daily = new long[n], secondly = new long[n];
        for (int i = 0; i < n; i++) {
            equity[i] = 100 + i;
            daily[i] = i * 24 * HOUR;
            secondly[i] = i * 1000L;
        }
        assertThat(BootstrapPoints.of(equity, daily, 365, 100).returns()).hasSize(100);     // runs of 10 days
        assertThat(BootstrapPoints.of(equity, secondly, 1e6, 100).returns()).hasSize(100);  // runs of 10 bars
    }
}
