package io.ibex.live.dashboard;

import io.ibex.framework.strategy.BarWindow;
import io.ibex.framework.strategy.ParamSpec;
import io.ibex.framework.strategy.Params;
import io.ibex.framework.strategy.Strategy;
import io.ibex.framework.strategy.StrategyContext;
import io.ibex.framework.strategy.StrategyFactory;
import java.util.List;

/** {@code test-hold}: a strategy that never trades, for tests of the live runner's plumbing (found by ServiceLoader). */
public final class HoldStrategyFactory implements StrategyFactory {
    @Override public String name() { return "test-hold"; }

    @Override public String description() { return "never trades (tests only)"; }

    @Override public List<ParamSpec> params() { return List.of(); }

    @Override public Strategy create(Params params) {
        return new Strategy() {
            @Override public void onBar(BarWindow bar, StrategyContext ctx) { }
        };
    }
}
