package io.ibex.backtest;

import io.ibex.execution.IntrabarPath;
import io.ibex.data.BarSources;
import io.ibex.framework.domain.Bars;
import io.ibex.framework.strategy.Params;
import io.ibex.framework.strategy.StrategyFactory;
import io.ibex.framework.strategy.StrategyRegistry;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code --path-range}: the intrabar assumption moves a bracket strategy's result, and never a market-order one's. */
class PathRangeTest {
    private static final Bars AAPL = BarSources.load("sample:aapl-2013", null);

    private static PathRange range(String strategy) {
        StrategyFactory f = StrategyRegistry.builtIn().find(strategy);
        Params p = Params.resolve(strategy, f.params(), Map.of());
        return PathRange.of(BacktestConfig.defaults(), AAPL, () -> f.create(p));
    }

    @Test
    void breakoutBracketOnAapl2013HasANonZeroRangeWithPessimisticAtTheBottom() {
        PathRange r = range("breakout-bracket");
        assertThat(r.netProfit()).containsOnlyKeys(IntrabarPath.values());
        assertThat(r.width()).isPositive();
        assertThat(r.netProfit().get(IntrabarPath.PESSIMISTIC)).isEqualByComparingTo(r.min());
    }

    @Test
    void aMarketOrderStrategyDoesNotDependOnTheIntrabarPath() {
        assertThat(range("sma-cross").width()).isEqualByComparingTo(BigDecimal.ZERO);
    }
}
