package io.ibex.framework.strategy;

import java.util.Objects;

/**
 * One declared strategy parameter: its default and the closed range of allowed values.
 *
 * @param integer true when only whole numbers are allowed
 */
public record ParamSpec(String name, boolean integer, double defaultValue, double min, double max, String description) {
    public ParamSpec {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(description, "description");
        if (!(min <= max)) throw new IllegalArgumentException("parameter " + name + ": min " + min + " > max " + max);
        if (defaultValue < min || defaultValue > max)
            throw new IllegalArgumentException("parameter " + name + ": default " + defaultValue + " outside [" + min + ", " + max + "]");
    }

    public static ParamSpec integer(String name, int defaultValue, int min, int max, String description) {
        return new ParamSpec(name, true, defaultValue, min, max, description);
    }

    public static ParamSpec decimal(String name, double defaultValue, double min, double max, String description) {
        return new ParamSpec(name, false, defaultValue, min, max, description);
    }

    /** "fast=10 (int 2..200) fast SMA period" — for help and listings. */
    public String describe() {
        return name + "=" + format(defaultValue) + " (" + (integer ? "int " : "") + format(min) + ".." + format(max) + ") " + description;
    }

    public String format(double v) {
        return integer || v == Math.rint(v) && Math.abs(v) < 1e15 ? Long.toString((long) v) : Double.toString(v);
    }
}
