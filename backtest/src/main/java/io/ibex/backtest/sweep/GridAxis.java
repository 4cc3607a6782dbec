package io.ibex.backtest.sweep;

import io.ibex.framework.error.ConfigException;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * One {@code --grid} option: a parameter name and the values it takes, either listed ({@code fast=5,10,20}) or as an
 * inclusive range ({@code slow=20:100:10}). Values are kept as the exact decimal text a user would type with
 * {@code -p}, so {@code 0.1:0.3:0.1} gives {@code 0.1,0.2,0.3} (decimal steps, no binary drift).
 */
public record GridAxis(String name, List<String> values) {
    /** More values than this on one axis is almost certainly a typo in the step. */
    static final int MAX_VALUES = 100_000;

    public GridAxis {
        Objects.requireNonNull(name, "name");
        values = List.copyOf(values);
        if (values.isEmpty()) throw new IllegalArgumentException("grid axis " + name + " has no values");
    }

    /** Parses {@code key=a,b,c} or {@code key=from:to:step}. */
    public static GridAxis parse(String text) {
        int eq = text.indexOf('=');
        if (eq <= 0) throw bad(text, "expected key=a,b,c or key=from:to:step");
        String name = text.substring(0, eq).trim();
        String spec = text.substring(eq + 1).trim();
        if (name.isEmpty() || !name.matches("[A-Za-z][A-Za-z0-9_.-]*")) throw bad(text, "'" + name + "' is not a parameter name");
        if (spec.isEmpty()) throw bad(text, "no values after '='");
        if (spec.contains(":")) return new GridAxis(name, range(text, spec));
        List<String> values = new ArrayList<>();
        for (String v : spec.split(",", -1)) {
            String t = v.trim();
            if (t.isEmpty()) throw bad(text, "empty value in the list");
            values.add(number(text, t).toPlainString());
        }
        return new GridAxis(name, values);
    }

    private static List<String> range(String text, String spec) {
        String[] parts = spec.split(":", -1);
        if (parts.length != 3) throw bad(text, "a range is from:to:step, e.g. 10:50:5");
        BigDecimal from = number(text, parts[0].trim());
        BigDecimal to = number(text, parts[1].trim());
        BigDecimal step = number(text, parts[2].trim());
        if (step.signum() <= 0) throw bad(text, "step must be positive, was " + step.toPlainString());
        if (to.compareTo(from) < 0) throw bad(text, "from " + from.toPlainString() + " is above to " + to.toPlainString());
        BigDecimal count = to.subtract(from).divideToIntegralValue(step);
        if (count.compareTo(BigDecimal.valueOf(MAX_VALUES)) >= 0)
            throw bad(text, "gives more than " + MAX_VALUES + " values; is the step right?");
        List<String> values = new ArrayList<>();
        for (BigDecimal v = from; v.compareTo(to) <= 0; v = v.add(step)) values.add(v.stripTrailingZeros().toPlainString());
        return values;
    }

    private static BigDecimal number(String text, String value) {
        try {
            return new BigDecimal(value);
        } catch (NumberFormatException e) {
            throw bad(text, "'" + value + "' is not a number");
        }
    }

    private static ConfigException bad(String text, String why) {
        return new ConfigException("--grid '" + text + "': " + why);
    }
}
