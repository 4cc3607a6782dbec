package io.ibex.framework.indicator;

/**
 * Streaming Average True Range with Wilder's smoothing (alpha {@code 1/period}), O(1) per update.
 *
 * <p>Replicates Ta4j 0.22.2's {@code ATRIndicator}: the true range of the first bar is {@code |high - low|}, later
 * {@code max(|high - low|, |high - prevClose|, |low - prevClose|)}; the average is Ta4j's {@code MMAIndicator}, which
 * returns {@code NaN} for the first {@code period} bars and seeds with the true range of bar {@code period + 1}.
 * {@link #isReady()} is true exactly when {@link #value()} is not {@code NaN}.
 */
public final class Atr {
    private final ExponentialAverage average;
    private double previousClose = Double.NaN;

    public Atr(int period) {
        Periods.requirePositive("period", period);
        average = new ExponentialAverage(period, 1.0 / period, ExponentialAverage.Seed.TA4J);
    }

    public double update(double high, double low, double close) {
        double range = Math.abs(high - low);
        if (!Double.isNaN(previousClose)) {
            range = Math.max(range, Math.max(Math.abs(high - previousClose), Math.abs(low - previousClose)));
        }
        previousClose = close;
        return average.update(range);
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
