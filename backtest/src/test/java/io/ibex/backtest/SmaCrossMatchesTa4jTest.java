package io.ibex.backtest;

import io.ibex.data.BarSources;
import io.ibex.framework.domain.Bars;
import io.ibex.strategies.SmaCross;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.ta4j.core.BarSeries;
import org.ta4j.core.BaseStrategy;
import org.ta4j.core.indicators.averages.SMAIndicator;
import org.ta4j.core.indicators.helpers.ClosePriceIndicator;
import org.ta4j.core.num.DecimalNumFactory;
import org.ta4j.core.num.DoubleNumFactory;
import org.ta4j.core.num.NumFactory;
import org.ta4j.core.rules.CrossedDownIndicatorRule;
import org.ta4j.core.rules.CrossedUpIndicatorRule;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import static io.ibex.backtest.Ta4jOracle.ibexTrades;
import static io.ibex.backtest.Ta4jOracle.series;
import static io.ibex.backtest.Ta4jOracle.ta4jTrades;
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
                out.add(Arguments.of(data, p[0], p[1]));
        return out.stream();
    }

    @ParameterizedTest(name = "{0} fast={1} slow={2}")
    @MethodSource("cases")
    void smaCrossTradesExactlyAsTa4jBarSeriesManager(String data, int fast, int slow) {
        Bars bars = BarSources.load(data, null);
        List<String> ta4j = ta4jSmaCross(bars, fast, slow, DecimalNumFactory.getInstance());
        assertThat(ta4j).as("Ta4j found trades to compare").isNotEmpty();
        assertThat(ibexTrades(bars, new SmaCross(fast, slow))).containsExactlyElementsOf(ta4j);
    }

    @Test
    void onExactTiesWeFollowTa4jsDefaultDecimalNumWhereItsDoubleNumDrifts() {
        // BTC 5m bars are often flat, so SMA(2) == SMA(3) exactly; DoubleNum's binary sums miss some of those ties
        Bars bars = BarSources.load("sample:btc-ticks-2013", null);
        List<String> decimal = ta4jSmaCross(bars, 2, 3, DecimalNumFactory.getInstance());
        List<String> binary = ta4jSmaCross(bars, 2, 3, DoubleNumFactory.getInstance());
        assertThat(binary).isNotEqualTo(decimal);
        assertThat(ibexTrades(bars, new SmaCross(2, 3))).containsExactlyElementsOf(decimal);
    }

    private static List<String> ta4jSmaCross(Bars bars, int fast, int slow, NumFactory nf) {
        BarSeries series = series(bars, nf);
        ClosePriceIndicator close = new ClosePriceIndicator(series);
        SMAIndicator f = new SMAIndicator(close, fast), s = new SMAIndicator(close, slow);
        return ta4jTrades(series, new BaseStrategy(new CrossedUpIndicatorRule(f, s), new CrossedDownIndicatorRule(f, s)));
    }
}
