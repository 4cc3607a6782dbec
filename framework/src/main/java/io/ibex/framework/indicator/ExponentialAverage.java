package io.ibex.framework.indicator;

/**
 * The recursion {@code avg += (x - avg) * alpha} behind {@link Ema} (alpha {@code 2/(n+1)}) and Wilder's moving
 * average (alpha {@code 1/n}) used by {@link Rsi} and {@link Atr}, with two ways to warm up.
 *
 * <ul>
 *   <li>{@link Seed#TA4J} replicates Ta4j 0.22.2's {@code AbstractEMAIndicator}: the first {@code period} inputs are
 *       Ta4j's "unstable bars" and are ignored ({@code NaN}); input {@code period + 1} seeds the average (Ta4j sees a
 *       {@code NaN} previous value and returns the input). A {@code NaN} input yields {@code NaN} and the next finite
 *       input re-seeds, as in Ta4j.</li>
 *   <li>{@link Seed#MEAN} is the textbook (Wilder 1978) warm-up: the mean of the first {@code period} inputs is the
 *       first value.</li>
 * </ul>
 */
final class ExponentialAverage {
    enum Seed { TA4J, MEAN }

    private final int period;
    private final double alpha;
    private final boolean seedWithMean;
    private int seen;
    private double seedSum;
    private double value = Double.NaN;

    ExponentialAverage(int period, double alpha, Seed seed) {
        this.period = period;
        this.alpha = alpha;
        this.seedWithMean = seed == Seed.MEAN;
    }

    double update(double x) {
        if (seen < period) {
            seen++;
            if (seedWithMean) {
                seedSum += x;
                if (seen == period) {
                    value = seedSum / period;
                }
            }
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
