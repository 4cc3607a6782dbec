package io.ibex.framework.indicator;

/**
 * Streaming MACD: {@code macd = EMA(fast) - EMA(slow)}, {@code signal = EMA(signal) of macd},
 * {@code histogram = macd - signal}; O(1) per update.
 *
 * <p>Replicates Ta4j 0.22.2's {@code MACDIndicator} with {@code getSignalLine(signal)} and
 * {@code getHistogram(signal)}: each EMA follows {@link Ema}'s warm-up, so {@link #macd()} is {@code NaN} for the
 * first {@code slow} updates, and the signal line seeds on the first defined macd value at or after update
 * {@code signal + 1}. {@link #isReady()} is true once all three lines are defined.
 */
public final class Macd {
    private final Ema fast;
    private final Ema slow;
    private final ExponentialAverage signal;
    private double macd = Double.NaN;
    private double histogram = Double.NaN;

    public Macd(int fast, int slow, int signal) {
        Periods.requirePositive("fast", fast);
        Periods.requirePositive("slow", slow);
        Periods.requirePositive("signal", signal);
        if (fast >= slow) {
            throw new IllegalArgumentException("fast period must be < slow period, was fast=" + fast + " slow=" + slow);
        }
        this.fast = new Ema(fast);
        this.slow = new Ema(slow);
        this.signal = new ExponentialAverage(signal, 2.0 / (signal + 1), ExponentialAverage.Seed.TA4J);
    }

    /** Adds a close and returns the macd line. */
    public double update(double x) {
        macd = fast.update(x) - slow.update(x);
        histogram = macd - signal.update(macd);
        return macd;
    }

    public double value() {
        return macd;
    }

    public double macd() {
        return macd;
    }

    public double signal() {
        return signal.value();
    }

    public double histogram() {
        return histogram;
    }

    public boolean isReady() {
        return signal.isReady();
    }

    /** The slow period: the longest of the three. */
    public int period() {
        return slow.period();
    }

    public int fastPeriod() {
        return fast.period();
    }

    public int slowPeriod() {
        return slow.period();
    }

    public int signalPeriod() {
        return signal.period();
    }
}
