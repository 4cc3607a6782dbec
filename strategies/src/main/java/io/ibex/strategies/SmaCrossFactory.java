package io.ibex.strategies;

import io.ibex.framework.error.ConfigException;
import io.ibex.framework.indicator.IndicatorCache;
import io.ibex.framework.strategy.ParamSpec;
import io.ibex.framework.strategy.Params;
import io.ibex.framework.strategy.Strategy;
import io.ibex.framework.strategy.StrategyFactory;

import java.util.List;

/** {@code sma-cross}: the classic moving-average crossover, long only. */
public final class SmaCrossFactory implements StrategyFactory {
    @Override public String name() { return "sma-cross"; }

    @Override public String description() {
        return "Long when the fast SMA of the close crosses above the slow SMA; flat when it crosses back below.";
    }

    @Override public List<ParamSpec> params() {
        return List.of(
            ParamSpec.integer("fast", 10, 1, 500, "fast SMA period (bars)"),
            ParamSpec.integer("slow", 30, 2, 1000, "slow SMA period (bars), greater than fast"));
    }

    @Override public Strategy create(Params params) { return create(params, IndicatorCache.none()); }

    /** Reads the two averages from {@code shared} when it has them (sweeps), else computes them. */
    @Override public Strategy create(Params params, IndicatorCache shared) {
        int fast = params.intValue("fast"), slow = params.intValue("slow");
        if (fast >= slow)
            throw new ConfigException("sma-cross: fast (" + fast + ") must be smaller than slow (" + slow
                + "); e.g. -p fast=10 -p slow=30");
        return SmaCross.over(shared, fast, slow);
    }
}
