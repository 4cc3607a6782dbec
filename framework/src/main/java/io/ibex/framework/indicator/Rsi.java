package io.ibex.framework.indicator;

/**
 * Streaming Relative Strength Index with Wilder's smoothing (alpha {@code 1/period}), O(1) per update.
 *
 * <p>{@code new Rsi(n)} replicates Ta4j 0.22.2's {@code RSIIndicator} at every index: the gain and loss of the first
 * close are 0; both averages are Ta4j {@code MMAIndicator}s, which ignore the first {@code n} gains/losses and seed
 * with the {@code (n+1)}-th one alone. So the first {@code n} values are {@code NaN} and the value at update
 * {@code n+1} is 0, 100 or the RSI of that single change. {@link #wilder(int)} instead seeds both averages with the
 * mean of the first {@code n} changes, as in Wilder's book and the StockCharts worked example; both converge to the
 * same values after a few times {@code n} bars. In both modes the first value comes at update {@code n + 1} and
 * {@link #isReady()} is true exactly when {@link #value()} is not {@code NaN}.
 *
 * <p>When the average loss is 0 the RSI is 100, or 0 if the average gain is 0 too (Ta4j's convention).
 */
public final class Rsi {
    private final int period;
    private final boolean skipFirstChange;
    private final ExponentialAverage gains;
    private final ExponentialAverage losses;
    private double previousClose = Double.NaN;
    private double value = Double.NaN;

    public Rsi(int period) {
        this(period, ExponentialAverage.Seed.TA4J);
    }

    private Rsi(int period, ExponentialAverage.Seed seed) {
        this.period = Periods.requirePositive("period", period);
        // Ta4j feeds a zero change for the first bar; the textbook has no change there and starts at the second bar.
        this.skipFirstChange = seed == ExponentialAverage.Seed.MEAN;
        gains = new ExponentialAverage(period, 1.0 / period, seed);
        losses = new ExponentialAverage(period, 1.0 / period, seed);
    }

    /** Wilder's original warm-up: both averages start as the simple mean of the first {@code period} changes. */
    public static Rsi wilder(int period) {
        return new Rsi(period, ExponentialAverage.Seed.MEAN);
    }

    public double update(double close) {
        boolean first = Double.isNaN(previousClose);
        double change = first ? 0 : close - previousClose;
        previousClose = close;
        if (first && skipFirstChange) {
            return value;
        }
        double avgGain = gains.update(change > 0 ? change : 0);
        double avgLoss = losses.update(change < 0 ? -change : 0);
        value = rsi(avgGain, avgLoss);
        return value;
    }

    private static double rsi(double avgGain, double avgLoss) {
        if (Double.isNaN(avgGain) || Double.isNaN(avgLoss)) {
            return Double.NaN;
        }
        if (avgLoss == 0) {
            return avgGain == 0 ? 0 : 100;
        }
        return 100 - 100 / (1 + avgGain / avgLoss);
    }

    public double value() {
        return value;
    }

    public boolean isReady() {
        return !Double.isNaN(value);
    }

    public int period() {
        return period;
    }
}
