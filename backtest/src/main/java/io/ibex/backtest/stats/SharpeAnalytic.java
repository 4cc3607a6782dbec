package io.ibex.backtest.stats;

import org.apache.commons.math3.distribution.NormalDistribution;

import java.util.Objects;

/**
 * Analytic confidence interval for the annualised Sharpe ratio that holds for non-normal and serially correlated
 * returns, in O(n x lags) time. With the per-period Sharpe {@code s = mean / sd} (sd with n - 1), population skewness
 * g3 and kurtosis g4 (normal = 3), Mertens (2002) gives the asymptotic variance of s for iid non-normal returns
 * <pre>   Var(s) = (1 - g3 s + (g4 - 1)/4 s^2) / n</pre>
 * whose leading 1 is the (unit) variance of the standardised mean. Serial correlation scales that term, as Lo (2002)
 * shows, by the long-run variance ratio of the returns; here it is estimated by Newey and West (1987) with Bartlett
 * weights:
 * <pre>   q = 1 + 2 sum_{k=1..L} (1 - k/(L+1)) rho_k,   Var(s) = (q - g3 s + (g4 - 1)/4 s^2) / n</pre>
 * with rho_k the lag-k sample autocorrelation and L = floor(4 (n/100)^(2/9)) by default (Newey and West's rule).
 * The interval is {@code (s -+ z se) sqrt(periodsPerYear)} with z the standard normal quantile (Commons Math).
 * For iid normal returns it is Lo's {@code se = sqrt((1 + s^2/2) / n)}.
 */
public final class SharpeAnalytic {
    public static final double DEFAULT_CONFIDENCE = 0.95;
    private static final NormalDistribution STANDARD_NORMAL = new NormalDistribution(null, 0, 1);

    private SharpeAnalytic() {}

    /**
     * @param sharpe        annualised Sharpe ratio of the series (the same as {@link EquityStats#sharpe})
     * @param standardError of the per-period Sharpe
     * @param lags          Newey-West lags L
     * @param varianceRatio the long-run variance ratio q (1 for uncorrelated returns)
     */
    public record Interval(double sharpe, double lower, double upper, double confidence, double standardError,
                           int lags, double varianceRatio) {}

    /** 95%, Newey-West's lag rule. */
    public static Interval interval(double[] returns, double periodsPerYear) {
        Moments.requireLength(returns, 3, "returns");
        return interval(returns, periodsPerYear, DEFAULT_CONFIDENCE, defaultLags(returns.length));
    }

    /** {@code floor(4 (n/100)^(2/9))}, at most n - 2. */
    public static int defaultLags(int n) {
        return (int) Math.max(0, Math.min(n - 2, Math.floor(4 * StrictMath.pow(n / 100.0, 2.0 / 9))));
    }

    /** @throws IllegalArgumentException for a constant series (no Sharpe distribution) or a non-positive variance */
    public static Interval interval(double[] returns, double periodsPerYear, double confidence, int lags) {
        Objects.requireNonNull(returns, "returns");
        Moments.requireLength(returns, 3, "returns");
        EquityStats.requirePositive(periodsPerYear);
        if (!(confidence > 0 && confidence < 1))
            throw new IllegalArgumentException("confidence must be in (0, 1), got " + confidence + " (0.95 = 95%)");
        int n = returns.length;
        if (lags < 0 || lags > n - 2) throw new IllegalArgumentException("lags must be in 0.." + (n - 2) + ", got " + lags);
        double mean = Moments.mean(returns);
        double m2 = 0, m3 = 0, m4 = 0;
        for (double v : returns) {
            double d = v - mean, d2 = d * d;
            m2 += d2;
            m3 += d2 * d;
            m4 += d2 * d2;
        }
        if (m2 == 0) throw new IllegalArgumentException("constant returns have no Sharpe ratio distribution");
        double sd = StrictMath.sqrt(m2 / (n - 1));
        m3 /= n;
        m4 /= n;
        double pop = m2 / n, skew = m3 / StrictMath.pow(pop, 1.5), kurt = m4 / (pop * pop);
        double q = 1;
        for (int k = 1; k <= lags; k++) {
            double c = 0;
            for (int i = k; i < n; i++) c += (returns[i] - mean) * (returns[i - k] - mean);
            q += 2 * (1 - k / (lags + 1.0)) * (c / m2);
        }
        double s = mean / sd;
        double variance = (q - skew * s + (kurt - 1) / 4 * s * s) / n;
        if (!(variance > 0))
            throw new IllegalArgumentException("the Sharpe ratio's estimated variance is not positive (" + variance + ")");
        double se = StrictMath.sqrt(variance), z = STANDARD_NORMAL.inverseCumulativeProbability(1 - (1 - confidence) / 2);
        double scale = StrictMath.sqrt(periodsPerYear);
        return new Interval(s * scale, (s - z * se) * scale, (s + z * se) * scale, confidence, se, lags, q);
    }
}
