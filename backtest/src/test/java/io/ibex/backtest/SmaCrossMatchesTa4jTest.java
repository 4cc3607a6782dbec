package io.ibex.backtest;

import io.ibex.data.BarSources;
import io.ibex.framework.domain.Bars;
import io.ibex.strategies.SmaCross;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.ta4j.core.BarSeries;
import org.ta4j.core.BaseBarSeriesBuilder;
import org.ta4j.core.BaseStrategy;
import org.ta4j.core.Position;
import org.ta4j.core.TradingRecord;
import org.ta4j.core.backtest.BarSeriesManager;
import org.ta4j.core.indicators.averages.SMAIndicator;
import org.ta4j.core.indicators.helpers.ClosePriceIndicator;
import org.ta4j.core.num.DecimalNumFactory;
import org.ta4j.core.num.DoubleNumFactory;
import org.ta4j.core.num.NumFactory;
import org.ta4j.core.rules.CrossedDownIndicatorRule;
import org.ta4j.core.rules.CrossedUpIndicatorRule;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The shipped sma-cross with {@code --quantity 1 --commission none --fill next-open} trades exactly as Ta4j 0.22.2's
 * {@code BarSeriesManager} with its defaults (TradeOnNextOpenModel, zero cost) on the same crossover rules: same entry
 * and exit bars, same prices, same order. Ta4j's CrossIndicator skips each indicator's unstable bars (slow - 1 for an
 * SMA); our SmaCross does the same, and no unstable-bar setting is needed on the Ta4j strategy. The oracle is Ta4j's
 * default number type, DecimalNum; see the tie test for DoubleNum.
 */
class SmaCrossMatchesTa4jTest {
    static Stream<Arguments> cases() {
        List<Arguments> out = new ArrayList<>();
        for (String data : List.of("sample:aapl-2013", "sample:eth-5m-2023", "sample:btc-ticks-2013"))
            for (int[] p : new int[][]{{10, 30}, {5, 20}, {2, 3}, {3, 7}, {20, 50}})
                out.add(Arguments.of(data, p[0], p[1], "decimal"));
        return out.stream();
    }

    @ParameterizedTest(name = "{0} fast={1} slow={2} {3}")
    @MethodSource("cases")
    void smaCrossTradesExactlyAsTa4jBarSeriesManager(String data, int fast, int slow, String num) {
        Bars bars = BarSources.load(data, null);
        NumFactory nf = num.equals("decimal") ? DecimalNumFactory.getInstance() : DoubleNumFactory.getInstance();

        List<String> ta4j = ta4jTrades(bars, fast, slow, nf);
        assertThat(ta4j).as("Ta4j found trades to compare").isNotEmpty();
        assertThat(ibexTrades(bars, fast, slow)).containsExactlyElementsOf(ta4j);
    }

    @Test
    void onExactTiesWeFollowTa4jsDefaultDecimalNumWhereItsDoubleNumDrifts() {
        // BTC 5m bars are often flat, so SMA(2) == SMA(3) exactly; DoubleNum's binary sums miss some of those ties
        Bars bars = BarSources.load("sample:btc-ticks-2013", null);
        List<String> decimal = ta4jTrades(bars, 2, 3, DecimalNumFactory.getInstance());
        List<String> binary = ta4jTrades(bars, 2, 3, DoubleNumFactory.getInstance());
        assertThat(binary).isNotEqualTo(decimal);
        assertThat(ibexTrades(bars, 2, 3)).containsExactlyElementsOf(decimal);
    }

    private static List<String> ibexTrades(Bars bars, int fast, int slow) {
        BacktestResult ours = new BacktestEngine(BacktestConfig.defaults()).run(bars, new SmaCross(fast, slow));
        List<String> ibex = new ArrayList<>();
        for (Trade t : ours.trades())
            ibex.add(index(bars, t.entryTimeMillis()) + "@" + t.entryPrice().stripTrailingZeros().toPlainString() + " -> "
                + index(bars, t.exitTimeMillis()) + "@" + t.exitPrice().stripTrailingZeros().toPlainString());
        return ibex;
    }

    private static List<String> ta4jTrades(Bars bars, int fast, int slow, NumFactory nf) {
        BarSeries series = new BaseBarSeriesBuilder().withName(bars.source()).withNumFactory(nf).build();
        Duration period = Duration.ofMillis(bars.time(1) - bars.time(0));
        for (int i = 0; i < bars.size(); i++) {
            series.barBuilder().timePeriod(period).endTime(Instant.ofEpochMilli(bars.time(i)))
                .openPrice(Double.toString(bars.open(i))).highPrice(Double.toString(bars.high(i)))
                .lowPrice(Double.toString(bars.low(i))).closePrice(Double.toString(bars.close(i)))
                .volume(Double.toString(bars.volume(i))).add();
        }
        ClosePriceIndicator close = new ClosePriceIndicator(series);
        SMAIndicator f = new SMAIndicator(close, fast), s = new SMAIndicator(close, slow);
        TradingRecord record = new BarSeriesManager(series).run(
            new BaseStrategy(new CrossedUpIndicatorRule(f, s), new CrossedDownIndicatorRule(f, s)));
        List<String> out = new ArrayList<>();
        for (Position p : record.getPositions()) {
            out.add(p.getEntry().getIndex() + "@" + decimal(p.getEntry().getPricePerAsset().doubleValue()) + " -> "
                + p.getExit().getIndex() + "@" + decimal(p.getExit().getPricePerAsset().doubleValue()));
        }
        return out;
    }

    private static String decimal(double v) { return BigDecimal.valueOf(v).stripTrailingZeros().toPlainString(); }

    private static int index(Bars bars, long time) {
        for (int i = 0; i < bars.size(); i++) if (bars.time(i) == time) return i;
        throw new AssertionError("no bar at " + time);
    }
}
