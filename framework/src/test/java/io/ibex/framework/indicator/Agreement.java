package io.ibex.framework.indicator;

import static org.assertj.core.api.Assertions.fail;

/** Index-by-index comparison with a relative tolerance; {@code NaN} must match {@code NaN}. */
final class Agreement {
    static final double RELATIVE = 1e-9;

    private Agreement() {
    }

    /** {@code |actual - expected| <= 1e-9 * |expected|} at every index. */
    static void assertAgrees(String what, double[] expected, double[] actual) {
        double[] magnitudes = new double[expected.length];
        for (int i = 0; i < expected.length; i++) {
            magnitudes[i] = Math.abs(expected[i]);
        }
        assertAgreesWithin(what, expected, actual, magnitudes);
    }

    /** {@code |actual - expected| <= 1e-9 * magnitude[i]} at every index. */
    static void assertAgreesWithin(String what, double[] expected, double[] actual, double[] magnitudes) {
        if (expected.length != actual.length) {
            fail("%s: %d expected values but %d actual", what, expected.length, actual.length);
        }
        for (int i = 0; i < expected.length; i++) {
            double e = expected[i];
            double a = actual[i];
            if (Double.isNaN(e) || Double.isNaN(a)) {
                if (Double.isNaN(e) != Double.isNaN(a)) {
                    fail("%s at index %d: expected %s but was %s", what, i, e, a);
                }
                continue;
            }
            if (Math.abs(a - e) > RELATIVE * magnitudes[i]) {
                fail("%s at index %d: expected %s but was %s (error %s > 1e-9 x %s)",
                        what, i, e, a, Math.abs(a - e), magnitudes[i]);
            }
        }
    }
}
