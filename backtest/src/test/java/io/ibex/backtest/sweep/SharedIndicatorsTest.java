package io.ibex.backtest.sweep;

import io.ibex.backtest.BacktestConfig;
import io.ibex.backtest.BacktestEngine;
import io.ibex.backtest.BacktestResult;
import io.ibex.data.BarSources;
import io.ibex.framework.domain.Bars;
import io.ibex.framework.indicator.IndicatorCache;
import io.ibex.framework.strategy.Params;
import io.ibex.framework.strategy.StrategyFactory;
import io.ibex.framework.strategy.StrategyRegistry;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.LinkedHashMap;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** sma-cross reading shared SMA columns (as in a sweep) trades exactly as sma-cross computing its own. */
class SharedIndicatorsTest {
    @ParameterizedTest
    @ValueSource(strings = {"sample:aapl-2013", "sample:eth-5m-2023", "sample:btc-ticks-2013"})
    void sharedColumnsGiveTheSameOrdersTradesAndEquityAsStreamingAverages(String source) {
        Bars bars = BarSources.load(source, null);
        IndicatorCache shared = new IndicatorCache(bars, 64L << 20);
        BacktestConfig config = BacktestConfig.defaults();
        try (StrategyRegistry registry = StrategyRegistry.builtIn()) {
            StrategyFactory f = registry.find("sma-cross");
            for (int fast = 2; fast <= 20; fast += 3) {
                for (int slow = fast + 1; slow <= 60; slow += 7) {
                    Params p = Params.resolve(f.name(), f.params(), new LinkedHashMap<>(Map.of("fast", "" + fast, "slow", "" + slow)));
                    BacktestResult own = new BacktestEngine(config).run(bars, f.create(p));
                    BacktestResult cached = new BacktestEngine(config).run(bars, f.create(p, shared));
                    assertThat(cached.equity()).as("fast=%d slow=%d", fast, slow).containsExactly(own.equity());
                    assertThat(cached.trades()).isEqualTo(own.trades());
                    assertThat(cached.orders()).isEqualTo(own.orders());
                }
            }
        }
        // the columns really were shared: asking again computes nothing
        assertThat(shared.column("sma(close,20)", b -> { throw new AssertionError("recomputed"); })).hasSize(bars.size());
    }
}
