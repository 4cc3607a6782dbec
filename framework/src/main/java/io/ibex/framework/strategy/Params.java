package io.ibex.framework.strategy;

import io.ibex.framework.error.ConfigException;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/** Validated parameter values for one strategy run: every declared parameter has a value inside its range. */
public final class Params {
    private final Map<String, Double> values;

    private Params(Map<String, Double> values) { this.values = values; }

    /**
     * Applies {@code raw} (name → text, as typed after {@code -p}) over the declared defaults.
     *
     * @throws ConfigException naming the strategy, the parameter and what is allowed
     */
    public static Params resolve(String strategy, List<ParamSpec> specs, Map<String, String> raw) {
        Map<String, ParamSpec> byName = new LinkedHashMap<>();
        for (ParamSpec s : specs) byName.put(s.name(), s);
        Map<String, Double> values = new LinkedHashMap<>();
        for (ParamSpec s : specs) values.put(s.name(), s.defaultValue());
        for (Map.Entry<String, String> e : raw.entrySet()) {
            ParamSpec s = byName.get(e.getKey());
            if (s == null)
                throw new ConfigException("unknown parameter '" + e.getKey() + "' for strategy " + strategy
                    + (specs.isEmpty() ? " (it takes no parameters)" : "; known: " + String.join(", ", byName.keySet())));
            values.put(s.name(), parse(strategy, s, e.getValue()));
        }
        return new Params(Collections.unmodifiableMap(values));
    }

    private static double parse(String strategy, ParamSpec s, String text) {
        double v;
        try {
            v = Double.parseDouble(text.trim());
        } catch (NumberFormatException e) {
            throw new ConfigException("parameter " + s.name() + " of " + strategy + " must be a number, was '" + text + "'");
        }
        if (!Double.isFinite(v))
            throw new ConfigException("parameter " + s.name() + " of " + strategy + " must be finite, was '" + text + "'");
        if (s.integer() && v != Math.rint(v))
            throw new ConfigException("parameter " + s.name() + " of " + strategy + " must be a whole number, was '" + text + "'");
        if (v < s.min() || v > s.max())
            throw new ConfigException("parameter " + s.name() + " of " + strategy + " must be in " + s.format(s.min())
                + ".." + s.format(s.max()) + ", was " + text.trim());
        return v;
    }

    public int intValue(String name) { return (int) doubleValue(name); }

    public double doubleValue(String name) {
        Double v = values.get(name);
        if (v == null) throw new IllegalArgumentException("no parameter named " + name + "; declared: " + values.keySet());
        return v;
    }

    public Map<String, Double> asMap() { return values; }

    /** {@code fast=10,slow=30} in declaration order, whole numbers without decimals. */
    @Override public String toString() {
        return values.entrySet().stream()
            .map(e -> e.getKey() + "=" + (e.getValue() == Math.rint(e.getValue()) ? Long.toString(e.getValue().longValue())
                : e.getValue().toString()))
            .collect(Collectors.joining(","));
    }
}
