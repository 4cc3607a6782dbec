package io.ibex.framework.indicator;

import static org.assertj.core.api.Assertions.fail;

/** Index-by-index comparison with a relative tolerance; {@code NaN} must match {@code NaN}. */
final class Agreement {
    static final double RELATIVE = 1e-9;

    private Agreement() {
    }

    static void assertAgrees(String what, double[] expected, double[] actual) {
        assertAgrees(what, expected, actual, RELATIVE);
    }

    static void assertAgrees(String what, double[] expected, double[] actual, double relative) {
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
            if (Math.abs(a - e) > relative * Math.abs(e)) {
                fail("%s at index %d: expected %s but was %s (relative error %s > %s)",
                        what, i, e, a, Math.abs(a - e) / Math.abs(e), relative);
            }
        }
    }
}
