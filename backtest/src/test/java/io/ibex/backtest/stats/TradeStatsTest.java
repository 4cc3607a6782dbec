package io.ibex.backtest.stats;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class TradeStatsTest {

    @Test
    void winRateProfitFactorAndAverageMatchTheHandComputation() {
        TradeStats s = TradeStats.of(new double[]{10, -5, 0, 20, -15});
        assertThat(s.count()).isEqualTo(5);
        assertThat(s.winRate()).isEqualTo(0.4);                        // 2 wins of 5
        assertThat(s.profitFactor()).isCloseTo(1.5, within(1e-12));    // (10 + 20) / (5 + 15)
        assertThat(s.averageTrade()).isCloseTo(2.0, within(1e-12));    // 10 / 5
    }

    @Test
    void profitWithoutLossesHasAnInfiniteProfitFactorAndNoTradesHaveZeros() {
        assertThat(TradeStats.of(new double[]{5, 3}).profitFactor()).isEqualTo(Double.POSITIVE_INFINITY);
        assertThat(TradeStats.of(new double[0])).isEqualTo(new TradeStats(0, 0, 0, 0));
        assertThat(TradeStats.of(new double[]{-1, -2}).profitFactor()).isZero();
    }
}
