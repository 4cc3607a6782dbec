package io.ibex.framework.indicator;

/**
 * Streaming simple moving average over the last {@code period} values: O(1) per update, no allocation after
 * construction.
 *
 * <p>Warm-up follows Ta4j 0.22.2's {@code SMAIndicator}: before {@code period} values have been seen the value is the
 * mean of the values seen so far (never {@code NaN} after the first update). {@link #isReady()} turns true on the
 * {@code period}-th update, from which point the value is the full-window mean.
 *
 * <p>The running sum is recomputed from the ring once per lap, so floating-point drift from add/subtract cannot grow
 * with the length of the series (amortised O(1): one O(period) pass every {@code period} updates).
 */
public final class Sma {
    private final double[] ring;
    private int next;
    private int count;
    private double sum;
    private double value = Double.NaN;

    public Sma(int period) {
        ring = new double[Periods.requirePositive("period", period)];
    }

    /** Adds {@code x} and returns the current mean. */
    public double update(double x) {
        if (count == ring.length) {
            sum -= ring[next];
        } else {
            count++;
        }
        ring[next] = x;
        sum += x;
        next++;
        if (next == ring.length) {
            next = 0;
            reanchor();
        }
        value = sum / count;
        return value;
    }

    private void reanchor() {
        double s = 0;
        for (int i = 0; i < count; i++) {
            s += ring[i];
        }
        sum = s;
    }

    /** The current mean, {@code NaN} before the first update. */
    public double value() {
        return value;
    }

    /** True once {@code period} values have been seen. */
    public boolean isReady() {
        return count == ring.length;
    }

    public int period() {
        return ring.length;
    }
}
