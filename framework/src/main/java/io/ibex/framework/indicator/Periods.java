package io.ibex.framework.indicator;

/** Argument checks shared by the indicator constructors. */
final class Periods {
    private Periods() {
    }

    static int requirePositive(String name, int period) {
        if (period <= 0) {
            throw new IllegalArgumentException(name + " must be > 0, was " + period);
        }
        return period;
    }
}
