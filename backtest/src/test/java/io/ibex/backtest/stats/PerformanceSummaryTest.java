package io.ibex.backtest.stats;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class PerformanceSummaryTest {

    @Test
    void theSummaryAgreesWithTheIndividualFunctions() {
        double[] equity = {100, 120, 90, 100, 130, 117};
        long[] t = EquityStatsTest.days(6);      // 1970-01-01 was a Thursday: the bars include a weekend -> 365
        boolean[] held = {false, true, true, false, true, true};
        PerformanceSummary s = PerformanceSummary.of(equity, t, held, new double[]{20, -10, 17}, 0);
        double[] r = EquityStats.returns(equity);
        assertThat(s.periodsPerYear()).isEqualTo(365);
        assertThat(s.totalReturn()).isEqualTo(EquityStats.totalReturn(equity));
        assertThat(s.sharpe()).isEqualTo(EquityStats.sharpe(r, 365));
        assertThat(s.sortino()).isEqualTo(EquityStats.sortino(r, 365));
        assertThat(s.maxDrawdown().depth()).isEqualTo(0.25);
        assertThat(s.exposure()).isEqualTo(4.0 / 6);
        assertThat(s.trades().count()).isEqualTo(3);
    }

    @Test
    void aPositionFlagPerBarIsRequired() {
        assertThatThrownBy(() -> PerformanceSummary.of(new double[]{1, 2}, new long[]{0, 1}, new boolean[1],
            new double[0], 0)).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("one flag per bar");
    }
}
