package io.ibex.framework.strategy;

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
}
