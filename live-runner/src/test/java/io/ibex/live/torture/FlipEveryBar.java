package io.ibex.live.torture;

import io.ibex.framework.strategy.BarWindow;
import io.ibex.framework.strategy.ParamSpec;
import io.ibex.framework.strategy.Params;
import io.ibex.framework.strategy.Strategy;
import io.ibex.framework.strategy.StrategyContext;
import io.ibex.framework.strategy.StrategyFactory;

import java.util.List;

/** Test-only strategy {@code torture-flip}: buys one when flat, sells it on the next bar, so every bar sends an order. */
public final class FlipEveryBar implements StrategyFactory {
    @Override public String name() { return "torture-flip"; }

    @Override public String description() { return "test only: an order on every bar (buy when flat, else sell)"; }

    @Override public List<ParamSpec> params() { return List.of(); }

    @Override public Strategy create(Params params) {
        return new Strategy() {
            @Override public void onBar(BarWindow w, StrategyContext c) {
                if (c.position(w.instrument()) == 0) c.buy(w.instrument(), 1);
                else c.sell(w.instrument(), 1);
            }
        };
    }
}
