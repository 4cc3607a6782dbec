package io.ibex.strategies;

import io.ibex.framework.strategy.ParamSpec;
import io.ibex.framework.strategy.Params;
import io.ibex.framework.strategy.Strategy;
import io.ibex.framework.strategy.StrategyFactory;

import java.util.List;

/** {@code breakout-bracket}: a buy stop above the recent high with a take-profit / stop-loss bracket. */
public final class BreakoutBracketFactory implements StrategyFactory {
    @Override public String name() { return "breakout-bracket"; }

    @Override public String description() {
        return "Buy stop at the highest high of the last n bars (DAY), then a take-profit limit and a stop-loss stop (OCO).";
    }

    @Override public List<ParamSpec> params() {
        return List.of(
            ParamSpec.integer("n", 10, 2, 500, "lookback bars for the high"),
            ParamSpec.decimal("tp", 3.0, 0.1, 50.0, "take-profit, % above the entry stop"),
            ParamSpec.decimal("sl", 1.5, 0.1, 50.0, "stop-loss, % below the entry stop"));
    }

    @Override public Strategy create(Params params) {
        return new BreakoutBracket(params.intValue("n"), params.doubleValue("tp"), params.doubleValue("sl"));
    }
}
