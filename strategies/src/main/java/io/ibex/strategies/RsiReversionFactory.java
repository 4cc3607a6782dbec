package io.ibex.strategies;

import io.ibex.framework.error.ConfigException;
import io.ibex.framework.strategy.ParamSpec;
import io.ibex.framework.strategy.Params;
import io.ibex.framework.strategy.Strategy;
import io.ibex.framework.strategy.StrategyFactory;

import java.util.List;

/** {@code rsi-reversion}: buy oversold, sell overbought, long only. */
public final class RsiReversionFactory implements StrategyFactory {
    @Override public String name() { return "rsi-reversion"; }

    @Override public String description() {
        return "Long when Wilder's RSI drops below oversold; flat when it rises above overbought.";
    }

    @Override public List<ParamSpec> params() {
        return List.of(
            ParamSpec.integer("period", 14, 2, 200, "RSI period (bars)"),
            ParamSpec.decimal("oversold", 30, 1, 50, "enter below this RSI"),
            ParamSpec.decimal("overbought", 70, 50, 99, "exit above this RSI"));
    }

    @Override public Strategy create(Params params) {
        double oversold = params.doubleValue("oversold"), overbought = params.doubleValue("overbought");
        if (oversold >= overbought)
            throw new ConfigException("rsi-reversion: oversold (" + params.asMap().get("oversold")
                + ") must be below overbought (" + params.asMap().get("overbought") + ")");
        return new RsiReversion(params.intValue("period"), oversold, overbought);
    }
}
