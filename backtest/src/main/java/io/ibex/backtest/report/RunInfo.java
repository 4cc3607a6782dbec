package io.ibex.backtest.report;

import java.util.Map;
import java.util.Objects;

/**
 * What a report says about how the run was made.
 *
 * @param params  parameter name -> value as shown ({@code fast -> 10}), in declaration order
 * @param plugins plugin JAR path -> SHA-256 (hex) of the JAR; empty when only built-in strategies were used
 */
public record RunInfo(String strategy, String strategyVersion, Map<String, String> params, String data,
                      Map<String, String> plugins) {
    public RunInfo {
        Objects.requireNonNull(strategy, "strategy");
        Objects.requireNonNull(strategyVersion, "strategyVersion");
        Objects.requireNonNull(data, "data");
        params = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(params));
        plugins = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(plugins));
    }
}
