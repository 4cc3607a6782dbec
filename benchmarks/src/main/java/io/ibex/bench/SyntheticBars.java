package io.ibex.bench;

import io.ibex.framework.domain.Bars;
import io.ibex.framework.domain.Instrument;
import java.util.SplittableRandom;

/**
 * Deterministic minute bars from geometric Brownian motion, prices rounded to a 0.01 tick. The same seed gives the
 * same bars on every machine (SplittableRandom's sequence and {@code StrictMath} are specified), so runs compare.
 *
 * <p>Parameters: start 100.00, drift 5%/year, volatility 20%/year, 390 one-minute bars per trading day and 252 days a
 * year, i.e. an equity-like series; the intrabar high/low add a half-normal excursion of one per-minute sigma.
 */
public record SyntheticBars(long[] time, double[] open, double[] high, double[] low, double[] close, double[] volume) {
    public static final long SEED = 20_250_101L;
    public static final int ONE_MILLION = 1_000_000;
    public static final int FIVE_MILLION = 5_000_000;
    private static final double MINUTES_PER_YEAR = 252.0 * 390;
    private static final double DRIFT = 0.05 / MINUTES_PER_YEAR;
    private static final double SIGMA = 0.20 / Math.sqrt(MINUTES_PER_YEAR);
    private static final long START_MILLIS = 1_577_836_800_000L;   // 2020-01-01T00:00Z
    private static final long MINUTE_MILLIS = 60_000L;

    public static SyntheticBars generate(int n) {
        return generate(n, SEED);
    }

    public static SyntheticBars generate(int n, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        long[] time = new long[n];
        double[] open = new double[n];
        double[] high = new double[n];
        double[] low = new double[n];
        double[] close = new double[n];
        double[] volume = new double[n];
        double last = 100.0;
        for (int i = 0; i < n; i++) {
            double next = last * StrictMath.exp(DRIFT - SIGMA * SIGMA / 2 + SIGMA * random.nextGaussian());
            double o = tick(last);
            double c = tick(next);
            double excursion = Math.abs(random.nextGaussian()) * SIGMA;
            time[i] = START_MILLIS + i * MINUTE_MILLIS;
            open[i] = o;
            close[i] = c;
            high[i] = tick(Math.max(o, c) * (1 + excursion));
            low[i] = Math.max(0.01, tick(Math.min(o, c) * (1 - excursion)));
            volume[i] = 100 + random.nextInt(10_000);
            last = next;
        }
        return new SyntheticBars(time, open, high, low, close, volume);
    }

    public int size() {
        return close.length;
    }

    /** The same columns as an ibex {@link Bars} (validated and copied, as any importer would produce). */
    public Bars toBars() {
        return Bars.of(Instrument.of("SYN"), "synthetic:gbm-" + SEED, time, open, high, low, close, volume);
    }

    private static double tick(double price) {
        return Math.round(price * 100) / 100.0;
    }
}
