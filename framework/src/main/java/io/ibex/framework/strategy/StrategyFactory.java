package io.ibex.framework.strategy;

import io.ibex.framework.indicator.IndicatorCache;

import java.util.List;

/**
 * Service-provider interface for strategies, found through {@link java.util.ServiceLoader}: list the implementation in
 * {@code META-INF/services/io.ibex.framework.strategy.StrategyFactory} of the plugin JAR.
 */
public interface StrategyFactory {
    /** Unique, lower-case, dash-separated name used on the command line ({@code sma-cross}). */
    String name();

    /** One sentence for {@code ibex strategies}. */
    String description();

    /** Declared parameters with defaults and ranges; {@link Params#resolve} validates user input against them. */
    List<ParamSpec> params();

    /** Version stamped on reports and on every live order in the journal. */
    default String version() { return "1"; }

    /**
     * A fresh strategy for one run. Called with validated params; may still refuse combinations
     * (e.g. fast >= slow) with a {@link io.ibex.framework.error.ConfigException}.
     */
    Strategy create(Params params);

    /**
     * As {@link #create(Params)}, for a run over a recorded series whose indicator columns are shared with the other
     * runs over it (a sweep computes each distinct indicator once). Override to read columns from {@code shared}; the
     * strategy must behave exactly as the one {@link #create(Params)} makes. By default the cache is ignored.
     */
    default Strategy create(Params params, IndicatorCache shared) { return create(params); }
}
