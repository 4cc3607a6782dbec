package io.ibex.framework.indicator;

/**
 * Streaming Bollinger Bands: {@code middle = SMA(period)}, {@code upper/lower = middle ± k·σ}, where σ is the
 * POPULATION standard deviation of the window (divide by the count, as Ta4j 0.22.2's {@code VarianceIndicator} does).
 * O(1) per update: the window mean and sum of squared deviations are maintained with Welford's sliding update and
 * recomputed exactly (two passes over the ring) once per lap, so rounding drift cannot accumulate; a window whose
 * values are all equal has exactly σ = 0.
 *
 * <p>Warm-up replicates Ta4j's {@code BollingerBandsMiddle/Upper/LowerIndicator} over {@code SMAIndicator} and
 * {@code StandardDeviationIndicator}: before {@code period} values the bands are computed over the values seen so far
 * (at the first update σ = 0, so all three bands equal the value). {@link #isReady()} turns true on the
 * {@code period}-th update.
 */
public final class BollingerBands {
    private final double[] ring;
    private final double k;
    /** Multiplying by 1/period instead of dividing keeps a ~15-cycle division out of the full-window path. */
    private final double inversePeriod;
    private int next;
    private int count;
    /** How many of the latest values are equal to the latest one (capped at the period). */
    private int flatRun;
    private double latest;
    private double mean;
    private double squaredDeviations;
    private double deviation = Double.NaN;
    private double middle = Double.NaN;
    private double upper = Double.NaN;
    private double lower = Double.NaN;

    public BollingerBands(int period, double k) {
        ring = new double[Periods.requirePositive("period", period)];
        if (!(k > 0) || Double.isInfinite(k)) {
            throw new IllegalArgumentException("k (standard deviations) must be a positive finite number, was " + k);
        }
        this.k = k;
        this.inversePeriod = 1.0 / period;
    }

    /** Adds {@code x} and returns the middle band. */
    public double update(double x) {
        if (count < ring.length) {
            count++;
            double delta = x - mean;
            mean += delta / count;
            squaredDeviations += delta * (x - mean);
        } else {
            double old = ring[next];
            double oldMean = mean;
            mean += (x - old) * inversePeriod;
            squaredDeviations += (x - old) * (x - mean + old - oldMean);
        }
        flatRun = count > 1 && x == latest ? Math.min(flatRun + 1, ring.length) : 1;
        latest = x;
        ring[next] = x;
        next++;
        if (next == ring.length) {
            next = 0;
            reanchor();
        }
        if (flatRun >= count) {
            // A flat window has sigma exactly 0; the sliding update only gets within rounding of 0, and sqrt turns a
            // 1e-13 residue into a 3e-7 band offset (seen on flat 5-minute BTC bars).
            mean = x;
            squaredDeviations = 0;
        }
        deviation = Math.sqrt(Math.max(0, squaredDeviations) * (count == ring.length ? inversePeriod : 1.0 / count));
        middle = mean;
        upper = middle + deviation * k;
        lower = middle - deviation * k;
        return middle;
    }

    private void reanchor() {
        double sum = 0;
        for (int i = 0; i < count; i++) {
            sum += ring[i];
        }
        mean = sum / count;
        double squares = 0;
        for (int i = 0; i < count; i++) {
            double d = ring[i] - mean;
            squares += d * d;
        }
        squaredDeviations = squares;
    }

    public double value() {
        return middle;
    }

    public double middle() {
        return middle;
    }

    public double upper() {
        return upper;
    }

    public double lower() {
        return lower;
    }

    /** Band width in percent of the middle band, {@code (upper - lower) / middle * 100} (Ta4j's BollingerBandWidth). */
    public double width() {
        return (upper - lower) / middle * 100;
    }

    /** Population standard deviation of the current window ({@code NaN} before the first update). */
    public double standardDeviation() {
        return deviation;
    }

    public boolean isReady() {
        return count == ring.length;
    }

    public int period() {
        return ring.length;
    }

    public double k() {
        return k;
    }
}
