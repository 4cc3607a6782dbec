package io.ibex.backtest.report;

import io.ibex.backtest.BacktestConfig;
import io.ibex.backtest.BacktestResult;
import io.ibex.backtest.OrderLogEntry;
import io.ibex.execution.Trade;
import io.ibex.framework.domain.Bars;
import io.ibex.framework.domain.ClientOrderId;
import io.ibex.framework.domain.Instrument;
import io.ibex.framework.domain.OrderType;
import io.ibex.framework.domain.Side;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/** The numbers behind report.html's new sections, against values worked out by hand. */
class ReportSectionsTest {
    private static final long DAY = 86_400_000L;
    private static final Instrument X = Instrument.of("X");

    /** Bars at days 0..n-1 with the given closes; high = close + 1, low = close - 1. */
    private static Bars bars(double... close) {
        Bars.Builder b = Bars.builder(X, "x.csv");
        for (int i = 0; i < close.length; i++) b.add(i * DAY, close[i], close[i] + 1, close[i] - 1, close[i], 1);
        return b.build();
    }

    private static BacktestResult result(Bars bars, double[] equity, List<Trade> trades, List<OrderLogEntry> orders) {
        return new BacktestResult(bars, BacktestConfig.defaults(), equity, trades, orders,
            BigDecimal.valueOf(equity[equity.length - 1]), BigDecimal.ZERO, List.of(), Long.MIN_VALUE, 0);
    }

    @Test
    void buyAndHoldHasBetaOneAgainstItselfAndALeveragedCopyHasBetaTwoAndNoAlpha() {
        Bars bars = bars(10, 11, 12.1, 11, 11.55);
        double[] hold = new double[5], twice = new double[5];
        twice[0] = 100_000;
        for (int i = 0; i < 5; i++) {
            hold[i] = 100_000 * bars.close(i) / 10;
            if (i > 0) twice[i] = twice[i - 1] * (1 + 2 * (bars.close(i) / bars.close(i - 1) - 1));
        }
        Benchmark self = Benchmark.of(result(bars, hold, List.of(), List.of()), 252);
        assertThat(self.equity()).containsExactly(hold, within(1e-6));
        assertThat(self.totalReturn()).isCloseTo(0.155, within(1e-12));
        assertThat(self.beta()).isCloseTo(1, within(1e-12));
        assertThat(self.alpha()).isCloseTo(0, within(1e-12));
        assertThat(self.correlation()).isCloseTo(1, within(1e-12));
        Benchmark leveraged = Benchmark.of(result(bars, twice, List.of(), List.of()), 252);
        assertThat(leveraged.beta()).isCloseTo(2, within(1e-12));
        assertThat(leveraged.alpha()).isCloseTo(0, within(1e-12));
    }

    @Test
    void monthlyReturnsChainFromTheInitialCashAndEachYearCompoundsItsMonths() {
        long[] t = {at("2022-12-20"), at("2022-12-30"), at("2023-01-15"), at("2023-01-31"), at("2023-03-05")};
        double[] equity = {100_500, 101_000, 99_000, 98_980, 103_929};
        List<PeriodReturnsTable.Year> years = PeriodReturnsTable.of(t, equity, 100_000);
        assertThat(years).extracting(PeriodReturnsTable.Year::year).containsExactly(2022, 2023);
        assertThat(years.get(0).months()[11]).isCloseTo(0.01, within(1e-12));
        assertThat(years.get(0).total()).isCloseTo(0.01, within(1e-12));
        assertThat(years.get(1).months()[0]).isCloseTo(-0.02, within(1e-12));
        assertThat(years.get(1).months()[1]).isNaN();                    // no bar in February
        assertThat(years.get(1).months()[2]).isCloseTo(0.05, within(1e-12));
        assertThat(years.get(1).total()).isCloseTo(0.98 * 1.05 - 1, within(1e-12));
        String html = PeriodReturnsTable.html(years);
        assertThat(html).contains(">1.00%<").contains(">-2.00%<").contains(">5.00%<").contains(">2.90%<").contains("class=\"legend\"");
    }

    @Test
    void rollingStatisticsMatchADirectComputationOverEachWindow() {
        double[] equity = new double[300];
        double e = 100_000;
        java.util.SplittableRandom rnd = new java.util.SplittableRandom(3);
        for (int i = 0; i < equity.length; i++) equity[i] = e *= 1 + rnd.nextGaussian() * 0.01;
        RollingStats s = RollingStats.of(equity, 100_000, 252);
        assertThat(s.window()).isEqualTo(63);
        assertThat(s.sharpe()[61]).isNaN();
        for (int i : new int[]{62, 63, 126, 200, 299}) {
            double sum = 0, sq = 0;
            for (int k = i - 62; k <= i; k++) {
                double r = equity[k] / (k == 0 ? 100_000 : equity[k - 1]) - 1;
                sum += r;
                sq += r * r;
            }
            double mean = sum / 63, sd = Math.sqrt((sq - 63 * mean * mean) / 62);
            assertThat(s.volatility()[i]).isCloseTo(sd * Math.sqrt(252), within(1e-9));
            assertThat(s.sharpe()[i]).isCloseTo(mean / sd * Math.sqrt(252), within(1e-9));
        }
    }

    @Test
    void eachTradeGetsItsHoldingTimeReturnExcursionsAndBracketExitReason() {
        Bars bars = bars(10, 10, 9, 12, 11, 11);   // lows 9 9 8 11 10 10, highs 11 11 10 13 12 12
        ClientOrderId entry = new ClientOrderId("bt-1"), tp = new ClientOrderId("bt-2"), sl = new ClientOrderId("bt-3"),
            sell = new ClientOrderId("bt-4");
        BigDecimal q = BigDecimal.TEN;
        List<OrderLogEntry> log = List.of(
            new OrderLogEntry(DAY, entry, "filled", Side.BUY, q, OrderType.STP, new BigDecimal("10"), BigDecimal.ZERO, "", X, null),
            new OrderLogEntry(DAY, tp, "submitted", Side.SELL, q, OrderType.LMT, new BigDecimal("12"), null, "", X, entry),
            new OrderLogEntry(DAY, sl, "submitted", Side.SELL, q, OrderType.STP, new BigDecimal("8"), null, "", X, entry),
            new OrderLogEntry(3 * DAY, tp, "filled", Side.SELL, q, OrderType.LMT, new BigDecimal("12"), BigDecimal.ZERO, "", X, entry),
            new OrderLogEntry(4 * DAY, entry, "filled", Side.BUY, q, OrderType.MKT, new BigDecimal("11"), BigDecimal.ZERO, "", X),
            new OrderLogEntry(5 * DAY, sell, "filled", Side.SELL, q, OrderType.MKT, new BigDecimal("11"), BigDecimal.ZERO, "", X));
        List<Trade> trades = List.of(
            new Trade(X, Side.BUY, q, DAY, new BigDecimal("10"), 3 * DAY, new BigDecimal("12"), new BigDecimal("20"), BigDecimal.ZERO),
            new Trade(X, Side.BUY, q, 4 * DAY, new BigDecimal("11"), 5 * DAY, new BigDecimal("11"), BigDecimal.ZERO, BigDecimal.ZERO));
        List<TradeDetails> d = TradeDetails.of(result(bars, new double[]{1, 1, 1, 1, 1, 1}, trades, log));

        assertThat(TradeDetails.holding(d.get(0).holdingMillis())).isEqualTo("2d");
        assertThat(d.get(0).returnPct()).isCloseTo(0.20, within(1e-12));
        assertThat(d.get(0).mae()).as("lowest low 8 of bars 1..3 against entry 10").isCloseTo(-0.20, within(1e-12));
        assertThat(d.get(0).mfe()).as("highest high 13").isCloseTo(0.30, within(1e-12));
        assertThat(d.get(0).exitReason()).isEqualTo("take-profit");
        assertThat(d.get(1).exitReason()).isEqualTo("signal");
        assertThat(TradeDetails.holding(5 * 3_600_000L + 10 * 60_000L)).isEqualTo("5h 10m");
    }

    private static long at(String day) { return Instant.parse(day + "T21:00:00Z").toEpochMilli(); }
}
