package io.ibex.framework.indicator;

/**
 * The recursion behind Ta4j 0.22.2's {@code AbstractEMAIndicator}, shared by {@link Ema} (alpha {@code 2/(n+1)}) and
 * Wilder's moving average (alpha {@code 1/n}, Ta4j's {@code MMAIndicator}) used by {@link Rsi} and {@link Atr}.
 *
 * <p>Ta4j returns {@code NaN} for the first {@code period} indices (its "unstable bars"), seeds with the input at index
 * {@code period} (because the previous value is {@code NaN}), then applies {@code prev + (x - prev) * alpha}. A
 * {@code NaN} input yields {@code NaN} and the next finite input re-seeds, as in Ta4j.
 */
final class ExponentialAverage {
    private final int period;
    private final double alpha;
    private int seen;
    private double value = Double.NaN;

    ExponentialAverage(int period, double alpha) {
        this.period = period;
        this.alpha = alpha;
    }

    double update(double x) {
        if (seen < period) {
            seen++;
            return value;
        }
        if (Double.isNaN(value)) {
            value = x;
        } else {
            value = value + (x - value) * alpha;
        }
        return value;
    }

    double value() {
        return value;
    }

    boolean isReady() {
        return !Double.isNaN(value);
    }

    int period() {
        return period;
    }
}
