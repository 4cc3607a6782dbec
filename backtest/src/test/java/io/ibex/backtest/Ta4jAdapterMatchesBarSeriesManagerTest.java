package io.ibex.backtest;

import io.ibex.backtest.ta4j.Ta4jStrategyAdapter;
import io.ibex.data.BarSources;
import io.ibex.framework.domain.Bars;
import io.ibex.framework.strategy.Params;
import io.ibex.framework.strategy.StrategyFactory;
import io.ibex.framework.strategy.StrategyRegistry;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.ta4j.core.BarSeries;
import org.ta4j.core.BaseStrategy;
import org.ta4j.core.indicators.averages.SMAIndicator;
import org.ta4j.core.indicators.helpers.ClosePriceIndicator;
import org.ta4j.core.num.DecimalNumFactory;
import org.ta4j.core.rules.CrossedDownIndicatorRule;
import org.ta4j.core.rules.CrossedUpIndicatorRule;
import org.ta4j.core.rules.StopLossRule;

import java.util.List;
import java.util.Map;

import static io.ibex.backtest.Ta4jOracle.ibexTrades;
import static io.ibex.backtest.Ta4jOracle.series;
import static io.ibex.backtest.Ta4jOracle.ta4jTrades;
import static org.assertj.core.api.Assertions.assertThat;

/** A Ta4j strategy run through {@link Ta4jStrategyAdapter} trades exactly as Ta4j's own BarSeriesManager runs it. */
class Ta4jAdapterMatchesBarSeriesManagerTest {
    private static org.ta4j.core.Strategy rules(BarSeries series, int fast, int slow, double stopPct) {
        ClosePriceIndicator close = new ClosePriceIndicator(series);
        SMAIndicator f = new SMAIndicator(close, fast), s = new SMAIndicator(close, slow);
        var exit = stopPct > 0 ? new CrossedDownIndicatorRule(f, s).or(new StopLossRule(close, stopPct))
            : new CrossedDownIndicatorRule(f, s);
        return new BaseStrategy(new CrossedUpIndicatorRule(f, s), exit);
    }

    @ParameterizedTest(name = "{0} fast={1} slow={2} stop={3}%")
    @CsvSource({"sample:aapl-2013, 10, 30, 0", "sample:aapl-2013, 5, 20, 2", "sample:eth-5m-2023, 10, 30, 0.5"})
    void theAdapterReproducesBarSeriesManagerTradeForTrade(String data, int fast, int slow, double stop) {
        Bars bars = BarSources.load(data, null);
        BarSeries whole = series(bars, DecimalNumFactory.getInstance());
        List<String> ta4j = ta4jTrades(whole, rules(whole, fast, slow, stop));
        assertThat(ta4j).isNotEmpty();
        assertThat(ibexTrades(bars, new Ta4jStrategyAdapter(s -> rules(s, fast, slow, stop)))).containsExactlyElementsOf(ta4j);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({"sample:aapl-2013"})
    void theShippedExampleIsABuiltInStrategy(String data) {
        StrategyFactory f = StrategyRegistry.builtIn().find("ta4j-sma-cross");
        Bars bars = BarSources.load(data, null);
        BacktestResult r = new BacktestEngine(BacktestConfig.defaults()).run(bars, f.create(Params.resolve(f.name(), f.params(), Map.of())));
        assertThat(r.trades()).isNotEmpty();
    }
}
