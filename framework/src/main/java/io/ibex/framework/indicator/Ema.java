package io.ibex.framework.indicator;

/**
 * Streaming exponential moving average with smoothing {@code 2 / (period + 1)}, O(1) per update.
 *
 * <p>Warm-up follows Ta4j 0.22.2's {@code EMAIndicator} exactly: the first {@code period} updates are "unstable" and
 * return {@code NaN}; update number {@code period + 1} seeds the average with that value; every later update applies
 * {@code ema += (x - ema) * alpha}. {@link #isReady()} is true from the seeding update on, i.e. exactly when
 * {@link #value()} is not {@code NaN}.
 */
public final class Ema {
    private final ExponentialAverage average;

    public Ema(int period) {
        Periods.requirePositive("period", period);
        average = new ExponentialAverage(period, 2.0 / (period + 1), ExponentialAverage.Seed.TA4J);
    }

    public double update(double x) {
        return average.update(x);
    }

    public double value() {
        return average.value();
    }

    public boolean isReady() {
        return average.isReady();
    }

    public int period() {
        return average.period();
    }
}
