package io.ibex.backtest;

import io.ibex.data.BarSources;
import io.ibex.framework.domain.Bars;
import io.ibex.strategies.BollingerBreakout;
import io.ibex.strategies.RsiReversion;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.ta4j.core.BarSeries;
import org.ta4j.core.BaseStrategy;
import org.ta4j.core.indicators.RSIIndicator;
import org.ta4j.core.indicators.averages.SMAIndicator;
import org.ta4j.core.indicators.bollinger.BollingerBandsMiddleIndicator;
import org.ta4j.core.indicators.bollinger.BollingerBandsUpperIndicator;
import org.ta4j.core.indicators.helpers.ClosePriceIndicator;
import org.ta4j.core.indicators.statistics.StandardDeviationIndicator;
import org.ta4j.core.num.DecimalNumFactory;
import org.ta4j.core.rules.OverIndicatorRule;
import org.ta4j.core.rules.UnderIndicatorRule;

import java.util.List;

import static io.ibex.backtest.Ta4jOracle.ibexTrades;
import static io.ibex.backtest.Ta4jOracle.series;
import static io.ibex.backtest.Ta4jOracle.ta4jTrades;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * rsi-reversion and bollinger-breakout trade exactly as the same rules in Ta4j 0.22.2 under BarSeriesManager's
 * defaults. Our strategies wait until their indicator is ready; the Ta4j strategies get the matching unstable-bar count
 * (RSI: period, its first value comes at index period; Bollinger: period - 1).
 */
class ThresholdStrategiesMatchTa4jTest {
    @ParameterizedTest(name = "rsi-reversion {1}/{2}/{3} on {0}")
    @CsvSource({
        "sample:aapl-2013, 14, 30, 70", "sample:aapl-2013, 5, 35, 60",
        "sample:eth-5m-2023, 14, 40, 60", "sample:eth-5m-2023, 7, 30, 60",
        "sample:btc-ticks-2013, 14, 30, 70", "sample:btc-ticks-2013, 6, 25, 75"})
    void rsiReversionTradesAsTa4jUnderAndOverRules(String data, int period, double oversold, double overbought) {
        Bars bars = BarSources.load(data, null);
        BarSeries series = series(bars, DecimalNumFactory.getInstance());
        RSIIndicator rsi = new RSIIndicator(new ClosePriceIndicator(series), period);
        List<String> ta4j = ta4jTrades(series, new BaseStrategy(new UnderIndicatorRule(rsi, oversold),
            new OverIndicatorRule(rsi, overbought), period));
        assertThat(ta4j).as("Ta4j found trades to compare").isNotEmpty();
        assertThat(ibexTrades(bars, new RsiReversion(period, oversold, overbought))).containsExactlyElementsOf(ta4j);
    }

    @ParameterizedTest(name = "bollinger-breakout {1}/{2} on {0}")
    @CsvSource({
        "sample:aapl-2013, 20, 2.0", "sample:aapl-2013, 10, 1.5",
        "sample:eth-5m-2023, 20, 2.0", "sample:eth-5m-2023, 30, 1.0",
        "sample:btc-ticks-2013, 20, 2.0", "sample:btc-ticks-2013, 12, 2.5"})
    void bollingerBreakoutTradesAsTa4jBandRules(String data, int period, double k) {
        Bars bars = BarSources.load(data, null);
        BarSeries series = series(bars, DecimalNumFactory.getInstance());
        ClosePriceIndicator close = new ClosePriceIndicator(series);
        BollingerBandsMiddleIndicator middle = new BollingerBandsMiddleIndicator(new SMAIndicator(close, period));
        BollingerBandsUpperIndicator upper = new BollingerBandsUpperIndicator(middle,
            new StandardDeviationIndicator(close, period), series.numFactory().numOf(k));
        List<String> ta4j = ta4jTrades(series, new BaseStrategy(new OverIndicatorRule(close, upper),
            new UnderIndicatorRule(close, middle), period - 1));
        assertThat(ta4j).as("Ta4j found trades to compare").isNotEmpty();
        assertThat(ibexTrades(bars, new BollingerBreakout(period, k))).containsExactlyElementsOf(ta4j);
    }
}
