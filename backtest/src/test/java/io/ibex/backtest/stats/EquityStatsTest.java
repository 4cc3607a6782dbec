package io.ibex.backtest.stats;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

class EquityStatsTest {
    private static final double DAY = 86_400_000;
    // returns +10%, -10%, +10%
    private static final double[] EQUITY = {100, 110, 99, 108.9};

    @Test
    void returnsAreSimplePerBarReturns() {
        assertThat(EquityStats.returns(EQUITY)).containsExactly(new double[]{0.10, -0.10, 0.10}, within(1e-12));
    }

    @Test
    void totalReturnAndVolatilityMatchTheHandComputation() {
        assertThat(EquityStats.totalReturn(EQUITY)).isCloseTo(0.089, within(1e-12));
        // mean = 0.1/3; deviations 0.0667, -0.1333, 0.0667; sum of squares 0.026667; / (n-1 = 2) = 0.013333
        // sd = 0.1154701; x sqrt(252) = 1.8330303
        assertThat(EquityStats.annualisedVolatility(EquityStats.returns(EQUITY), 252)).isCloseTo(1.8330303, within(1e-7));
    }

    @Test
    void sharpeIsMeanOverSampleDeviationTimesRootPeriods() {
        double[] r = EquityStats.returns(EQUITY);
        // 0.0333333 / 0.1154701 = 0.2886751; x sqrt(252) = 15.8745079 -> 4.5825757
        assertThat(EquityStats.sharpe(r, 252)).isCloseTo(4.5825757, within(1e-7));
        // rf 4%/year compounds to 1.04^(1/252) - 1 = 0.00015565 a bar: (0.0333333 - 0.00015565) / 0.1154701 x 15.87
        assertThat(EquityStats.sharpe(r, 252, 0.04)).isCloseTo(4.5611774, within(1e-7));
    }

    @Test
    void sortinoDividesByTheDownsideDeviationOverAllReturns() {
        // downside: min(0, r) = 0, -0.1, 0 -> sqrt(0.01 / 3) = 0.0577350; 0.0333333 / 0.0577350 x 15.8745 = 9.1651514
        assertThat(EquityStats.sortino(EquityStats.returns(EQUITY), 252)).isCloseTo(9.1651514, within(1e-7));
    }

    @Test
    void cagrCompoundsOverCalendarYears() {
        long twoYears = (long) (2 * EquityStats.MILLIS_PER_YEAR);
        // 100 -> 121 in two years: sqrt(1.21) - 1 = 10%
        assertThat(EquityStats.cagr(new double[]{100, 121}, new long[]{0, twoYears})).isCloseTo(0.10, within(1e-12));
        assertThat(EquityStats.cagr(new double[]{100}, new long[]{0})).isZero();
    }

    @Test
    void undefinedRatiosAreZeroSoReportsStayPrintable() {
        double[] flat = EquityStats.returns(new double[]{100, 100, 100});
        assertThat(EquityStats.sharpe(flat, 252)).isZero();
        assertThat(EquityStats.sortino(flat, 252)).isZero();
        assertThat(EquityStats.sharpe(new double[]{0.01}, 252)).isZero();
    }

    @Test
    void exposureIsTheShareOfBarsInAPosition() {
        assertThat(EquityStats.exposure(new boolean[]{true, false, false, true})).isEqualTo(0.5);
        assertThat(EquityStats.exposure(new double[]{0, -3, 2, 0, 0})).isEqualTo(0.4);
        assertThat(EquityStats.exposure(new boolean[0])).isZero();
    }

    @Test
    void badInputIsRejectedWithTheOffendingValue() {
        assertThatThrownBy(() -> EquityStats.returns(new double[]{100, 0, 50}))
            .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("equity[1] = 0.0");
        assertThatThrownBy(() -> EquityStats.sharpe(new double[]{0.1, 0.2}, 0))
            .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("periodsPerYear");
        assertThatThrownBy(() -> EquityStats.cagr(new double[]{1, 2}, new long[]{0}))
            .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("one timestamp per equity point");
    }

    static long[] days(int n) {
        long[] t = new long[n];
        for (int i = 0; i < n; i++) t[i] = (long) (i * DAY);
        return t;
    }
}
