package io.ibex.backtest;

import io.ibex.data.BarSources;
import io.ibex.framework.domain.Bars;
import io.ibex.framework.strategy.Params;
import io.ibex.framework.strategy.StrategyFactory;
import io.ibex.framework.strategy.StrategyRegistry;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The truncation guard (STYLE.md 2.6): every shipped strategy, run on the full series and on the series cut after bar
 * t, submits and fills the very same orders up to t. A strategy or engine that peeks at a later bar fails here.
 */
class LookAheadTest {
    static Stream<Arguments> cases() {
        List<Arguments> out = new ArrayList<>();
        try (StrategyRegistry registry = StrategyRegistry.builtIn()) {
            for (StrategyFactory f : registry.all())
                for (String data : List.of("sample:aapl-2013", "sample:eth-5m-2023", "sample:btc-ticks-2013"))
                    out.add(Arguments.of(f.name(), data));
        }
        return out.stream();
    }

    @ParameterizedTest(name = "{0} on {1}")
    @MethodSource("cases")
    void ordersUpToAnyBarAreTheSameWhetherOrNotLaterBarsExist(String strategy, String data) {
        Bars bars = BarSources.load(data, null);
        StrategyFactory f = StrategyRegistry.builtIn().find(strategy);
        Params params = Params.resolve(strategy, f.params(), strategy.equals("sma-cross") ? Map.of("fast", "3", "slow", "8") : Map.of());
        BacktestEngine engine = new BacktestEngine(BacktestConfig.defaults());
        BacktestResult full = engine.run(bars, f.create(params));
        assertThat(full.orders("submitted")).as("the strategy trades on this data").isNotEmpty();

        int step = Math.max(1, bars.size() / 150);
        for (int t = 0; t < bars.size(); t += step) {
            long cutTime = bars.time(t);
            BacktestResult cut = engine.run(bars.slice(0, t + 1), f.create(params));
            assertThat(upTo(cut.orders(), cutTime, true)).as("cut after bar %d", t)
                .containsExactlyElementsOf(upTo(full.orders(), cutTime, true));
        }
    }

    /** Submissions and fills at or before {@code time} (cancellations at the cut's end of data differ by design). */
    private static List<OrderLogEntry> upTo(List<OrderLogEntry> log, long time, boolean withoutCancels) {
        List<OrderLogEntry> out = new ArrayList<>();
        for (OrderLogEntry e : log)
            if (e.timeMillis() <= time && !(withoutCancels && e.event().equals("cancelled"))) out.add(e);
        return out;
    }
}
