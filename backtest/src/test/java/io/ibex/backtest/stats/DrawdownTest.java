package io.ibex.backtest.stats;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class DrawdownTest {

    @Test
    void theDeepestFallIsMeasuredFromItsPeakAndLastsUntilRecovery() {
        double[] equity = {100, 120, 90, 100, 130, 117};
        Drawdown dd = Drawdown.max(equity, EquityStatsTest.days(6));
        // 120 -> 90 is 25%; the later 130 -> 117 is only 10%
        assertThat(dd.depth()).isCloseTo(0.25, within(1e-12));
        assertThat(dd.peakIndex()).isEqualTo(1);
        assertThat(dd.troughIndex()).isEqualTo(2);
        assertThat(dd.recoveryIndex()).isEqualTo(4);           // 130 >= 120
        assertThat(dd.durationBars()).isEqualTo(3);            // bars 1 -> 4
        assertThat(dd.durationMillis()).isEqualTo(3 * 86_400_000L);
    }

    @Test
    void anUnrecoveredDrawdownLastsToTheLastBar() {
        Drawdown dd = Drawdown.max(new double[]{100, 80, 90}, EquityStatsTest.days(3));
        assertThat(dd.depth()).isCloseTo(0.20, within(1e-12));
        assertThat(dd.recoveryIndex()).isEqualTo(-1);
        assertThat(dd.durationBars()).isEqualTo(2);
    }

    @Test
    void aCurveThatNeverFallsHasNoDrawdown() {
        Drawdown dd = Drawdown.max(new double[]{100, 100, 101}, EquityStatsTest.days(3));
        assertThat(dd.depth()).isZero();
        assertThat(dd.durationBars()).isZero();
    }

    @Test
    void theSeriesGivesTheDrawdownAtEveryBar() {
        assertThat(Drawdown.series(new double[]{100, 120, 90, 100, 130, 117}))
            .containsExactly(new double[]{0, 0, 0.25, 1 - 100.0 / 120, 0, 0.1}, within(1e-12));
    }
}
