package io.ibex.backtest.metrics;

import io.ibex.execution.Trade;
import io.ibex.framework.domain.Instrument;
import io.ibex.framework.domain.Side;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class PerformanceMetricsTest {
    private static final long DAY = 86_400_000L;

    private static Trade trade(String pnl) {
        return new Trade(Instrument.of("X"), Side.BUY, BigDecimal.ONE, 0, BigDecimal.ONE, 1, BigDecimal.ONE, new BigDecimal(pnl), BigDecimal.ZERO);
    }

    @Test
    void maxDrawdownIsTheLargestFallFromARunningPeakAsAFraction() {
        double[] equity = {100, 120, 90, 110, 130, 117};
        assertThat(PerformanceMetrics.maxDrawdown(equity)).isCloseTo(0.25, within(1e-15)); // 120 -> 90
        assertThat(PerformanceMetrics.drawdowns(equity)).containsExactly(new double[]{0, 0, 0.25, 1 - 110 / 120.0, 0, 0.1}, within(1e-15));
    }

    @Test
    void sharpeAndSortinoMatchAHandComputation() {
        // returns vs initial 100: +10%, -10%, +10%  -> mean 1/30, sample sd sqrt(((2/30)^2*2 + (4/30)^2)/2)
        double[] equity = {110, 99, 108.9};
        double mean = 0.1 / 3, sd = Math.sqrt((Math.pow(0.1 - mean, 2) * 2 + Math.pow(-0.1 - mean, 2)) / 2);
        assertThat(PerformanceMetrics.sharpe(equity, 100, 252)).isCloseTo(mean / sd * Math.sqrt(252), within(1e-9));
        double downside = Math.sqrt(0.01 / 3);
        assertThat(PerformanceMetrics.sortino(equity, 100, 252)).isCloseTo(mean / downside * Math.sqrt(252), within(1e-9));
    }

    @Test
    void aFlatEquityCurveHasNoSharpe() {
        assertThat(PerformanceMetrics.sharpe(new double[]{100, 100, 100}, 100, 252)).isNaN();
        assertThat(PerformanceMetrics.sortino(new double[]{100, 101, 102}, 100, 252)).isNaN();
    }

    @Test
    void dailyBarsAnnualiseBy252AndFiveMinuteBarsAroundTheClock() {
        long[] daily = {0, DAY, 2 * DAY, 5 * DAY, 6 * DAY};
        assertThat(PerformanceMetrics.periodsPerYear(daily)).isEqualTo(252);
        long[] fiveMin = {0, 300_000, 600_000, 900_000};
        assertThat(PerformanceMetrics.periodsPerYear(fiveMin)).isEqualTo(365 * 288.0);
        assertThat(PerformanceMetrics.periodsPerYear(new long[]{0, 7 * DAY, 14 * DAY})).isEqualTo(52);
    }

    @Test
    void cagrCompoundsOverCalendarYears() {
        long twoYears = (long) (2 * 365.25 * DAY);
        assertThat(PerformanceMetrics.cagr(new long[]{0, twoYears}, 100, 121)).isCloseTo(0.1, within(1e-12));
    }

    @Test
    void winRateAndProfitFactorComeFromClosedTrades() {
        List<Trade> trades = List.of(trade("30"), trade("-10"), trade("-5"), trade("15"));
        assertThat(PerformanceMetrics.winRate(trades)).isEqualTo(0.5);
        assertThat(PerformanceMetrics.profitFactor(trades)).isEqualTo(3.0);
        assertThat(PerformanceMetrics.profitFactor(List.of(trade("1")))).isNaN();
        assertThat(PerformanceMetrics.winRate(List.of())).isNaN();
    }
}
