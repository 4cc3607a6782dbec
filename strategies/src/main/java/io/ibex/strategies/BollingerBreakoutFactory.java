package io.ibex.strategies;

import io.ibex.framework.strategy.ParamSpec;
import io.ibex.framework.strategy.Params;
import io.ibex.framework.strategy.Strategy;
import io.ibex.framework.strategy.StrategyFactory;

import java.util.List;

/** {@code bollinger-breakout}: ride closes above the upper band until the close drops below the middle band. */
public final class BollingerBreakoutFactory implements StrategyFactory {
    @Override public String name() { return "bollinger-breakout"; }

    @Override public String description() {
        return "Long when the close breaks above the upper Bollinger band; flat when it falls below the middle band.";
    }

    @Override public List<ParamSpec> params() {
        return List.of(
            ParamSpec.integer("period", 20, 2, 500, "band period (bars)"),
            ParamSpec.decimal("k", 2.0, 0.1, 5.0, "band width in standard deviations"));
    }

    @Override public Strategy create(Params params) {
        return new BollingerBreakout(params.intValue("period"), params.doubleValue("k"));
    }
}
