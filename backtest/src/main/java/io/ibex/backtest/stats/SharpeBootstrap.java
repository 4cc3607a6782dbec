package io.ibex.backtest.stats;

import org.apache.commons.math3.stat.descriptive.rank.Percentile;

import java.util.Objects;
import java.util.random.RandomGenerator;
import java.util.random.RandomGeneratorFactory;

/**
 * Percentile bootstrap confidence interval for the annualised Sharpe ratio, by the stationary bootstrap of Politis
 * and Romano (1994): each resample strings together blocks that start at a uniformly drawn bar and whose lengths are
 * geometric with mean {@code meanBlockLength}, wrapping around the end. Blocks keep the short-range dependence
 * (volatility clustering) that iid resampling destroys; {@code meanBlockLength = 1} is the iid bootstrap.
 * The default block length is {@code round(n^(1/3))}, the usual rate for this estimator.
 * Percentiles use Commons Math's R-7 definition (the one R and NumPy use by default).
 * Randomness comes only from {@code L64X128MixRandom} seeded by the caller, so the same inputs give the same interval.
 */
public final class SharpeBootstrap {
    public static final int DEFAULT_RESAMPLES = 2000;
    public static final double DEFAULT_CONFIDENCE = 0.95;

    private SharpeBootstrap() {}

    /** 2,000 resamples, 95%, block length round(n^(1/3)). */
    public static SharpeInterval interval(double[] returns, double periodsPerYear, long seed) {
        Moments.requireLength(returns, 2, "returns");
        return interval(returns, periodsPerYear, DEFAULT_RESAMPLES, DEFAULT_CONFIDENCE,
            Math.max(1, Math.round(StrictMath.cbrt(returns.length))), seed);
    }

    public static SharpeInterval interval(double[] returns, double periodsPerYear, int resamples, double confidence,
                                          double meanBlockLength, long seed) {
        Objects.requireNonNull(returns, "returns");
        Moments.requireLength(returns, 2, "returns");
        EquityStats.requirePositive(periodsPerYear);
        if (resamples < 10) throw new IllegalArgumentException("resamples must be >= 10, got " + resamples);
        if (!(confidence > 0 && confidence < 1))
            throw new IllegalArgumentException("confidence must be in (0, 1), got " + confidence + " (0.95 = 95%)");
        if (!(meanBlockLength >= 1))
            throw new IllegalArgumentException("meanBlockLength must be >= 1, got " + meanBlockLength);
        RandomGenerator rng = RandomGeneratorFactory.of("L64X128MixRandom").create(seed);
        int n = returns.length;
        double restartProbability = 1 / meanBlockLength;
        double[] sample = new double[n];
        double[] sharpes = new double[resamples];
        for (int b = 0; b < resamples; b++) {
            int at = rng.nextInt(n);
            for (int i = 0; i < n; i++) {
                sample[i] = returns[at];
                at = rng.nextDouble() < restartProbability ? rng.nextInt(n) : (at + 1) % n;
            }
            sharpes[b] = EquityStats.sharpe(sample, periodsPerYear);
        }
        Percentile percentile = new Percentile().withEstimationType(Percentile.EstimationType.R_7);
        percentile.setData(sharpes);
        double tail = (1 - confidence) / 2 * 100;
        return new SharpeInterval(EquityStats.sharpe(returns, periodsPerYear), percentile.evaluate(tail),
            percentile.evaluate(100 - tail), confidence, resamples, meanBlockLength, seed);
    }
}
