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
        BacktestResult full = new BacktestEngine(BacktestConfig.defaults()).run(bars, f.create(params));
        assertThat(full.orders("submitted")).as("the strategy trades on this data").isNotEmpty();

        assertThat(firstCutThatDiffers(bars, full, b -> f.create(params))).as("first cut whose orders differ").isEqualTo(-1);
    }

    @org.junit.jupiter.api.Test
    void theGuardCatchesAStrategyThatPeeksAtTheNextBar() {
        Bars bars = BarSources.load("sample:aapl-2013", null);
        // cheats by reading the series it was handed instead of the window: buys before an up day
        java.util.function.Function<Bars, io.ibex.framework.strategy.Strategy> cheater = series -> (w, ctx) -> {
            int i = 0;
            while (series.closeTime(i) != ctx.now()) i++;
            if (i + 1 < series.size() && ctx.position(w.instrument()) == 0 && series.close(i + 1) > series.close(i))
                ctx.buy(w.instrument(), 1);
            else if (ctx.position(w.instrument()) > 0) ctx.exit(w.instrument());
        };
        BacktestResult full = new BacktestEngine(BacktestConfig.defaults()).run(bars, cheater.apply(bars));
        assertThat(firstCutThatDiffers(bars, full, cheater)).isNotEqualTo(-1);
    }

    /** Index of the first cut whose submissions and fills differ from the full run's up to that bar, or -1. */
    private static int firstCutThatDiffers(Bars bars, BacktestResult full,
                                           java.util.function.Function<Bars, io.ibex.framework.strategy.Strategy> strategy) {
        BacktestEngine engine = new BacktestEngine(BacktestConfig.defaults());
        int step = Math.max(1, bars.size() / 150);
        for (int t = 0; t < bars.size(); t += step) {
            long cutTime = bars.closeTime(t);   // what was decided on bar t, at its close
            Bars cutBars = bars.slice(0, t + 1);
            BacktestResult cut = engine.run(cutBars, strategy.apply(cutBars));
            if (!upTo(cut.orders(), cutTime, true).equals(upTo(full.orders(), cutTime, true))) return t;
        }
        return -1;
    }

    /** Submissions and fills at or before {@code time} (cancellations at the cut's end of data differ by design). */
    private static List<OrderLogEntry> upTo(List<OrderLogEntry> log, long time, boolean withoutCancels) {
        List<OrderLogEntry> out = new ArrayList<>();
        for (OrderLogEntry e : log)
            if (e.timeMillis() <= time && !(withoutCancels && e.event().equals("cancelled"))) out.add(e);
        return out;
    }
}
