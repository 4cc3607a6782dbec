package io.ibex.backtest.stats;

import java.util.Objects;

/**
 * Performance ratios of an equity curve. All functions are pure, work on primitive arrays and never return NaN or
 * infinity, so a report can print every one of them: where a ratio is undefined (one bar, no variability) it is 0.
 *
 * <p>Definitions. Returns are simple per-bar returns {@code r[i] = equity[i] / equity[i-1] - 1}. A yearly risk-free
 * rate {@code rf} becomes a per-bar rate {@code (1 + rf)^(1/periodsPerYear) - 1}. Sharpe is
 * {@code mean(r - rfBar) / sd(r) * sqrt(periodsPerYear)} with the n - 1 standard deviation. Sortino replaces sd(r)
 * with the downside deviation {@code sqrt(sum(min(0, r - rfBar)^2) / n)} over all n returns (Sortino and Price).
 * CAGR uses calendar time, 365.25-day years, between the first and last timestamps.
 */
public final class EquityStats {
    static final double MILLIS_PER_YEAR = 365.25 * 24 * 3600 * 1000;

    private EquityStats() {}

    /** Per-bar simple returns; length {@code equity.length - 1}. Equity must stay above 0. */
    public static double[] returns(double[] equity) {
        Moments.requireLength(equity, 1, "equity");
        double[] r = new double[equity.length - 1];
        for (int i = 1; i < equity.length; i++) {
            if (!(equity[i - 1] > 0))
                throw new IllegalArgumentException("equity[" + (i - 1) + "] = " + equity[i - 1]
                    + ": returns need positive equity (the account was wiped out; stop the backtest there)");
            r[i - 1] = equity[i] / equity[i - 1] - 1;
        }
        return r;
    }

    /** {@code equity[last] / equity[0] - 1}. */
    public static double totalReturn(double[] equity) {
        Moments.requireLength(equity, 1, "equity");
        return equity[equity.length - 1] / equity[0] - 1;
    }

    /** Compound annual growth rate over calendar time; 0 if the curve spans no time. */
    public static double cagr(double[] equity, long[] timeMillis) {
        requireSameLength(equity, timeMillis);
        double years = (timeMillis[timeMillis.length - 1] - timeMillis[0]) / MILLIS_PER_YEAR;
        if (years <= 0) return 0;
        double growth = equity[equity.length - 1] / equity[0];
        if (growth <= 0) return -1;
        return StrictMath.pow(growth, 1 / years) - 1;
    }

    /** Standard deviation of per-bar returns (n - 1) times sqrt(periodsPerYear). */
    public static double annualisedVolatility(double[] returns, double periodsPerYear) {
        Objects.requireNonNull(returns, "returns");
        requirePositive(periodsPerYear);
        return Moments.standardDeviation(returns) * StrictMath.sqrt(periodsPerYear);
    }

    /** Annualised Sharpe ratio; 0 with fewer than two returns or zero volatility. */
    public static double sharpe(double[] returns, double periodsPerYear, double riskFreePerYear) {
        Objects.requireNonNull(returns, "returns");
        requirePositive(periodsPerYear);
        double sd = Moments.standardDeviation(returns);
        if (returns.length < 2 || sd == 0) return 0;
        double excess = Moments.mean(returns) - perBar(riskFreePerYear, periodsPerYear);
        return excess / sd * StrictMath.sqrt(periodsPerYear);
    }

    public static double sharpe(double[] returns, double periodsPerYear) { return sharpe(returns, periodsPerYear, 0); }

    /** Annualised Sortino ratio; 0 with no returns or no return below the risk-free rate. */
    public static double sortino(double[] returns, double periodsPerYear, double riskFreePerYear) {
        Objects.requireNonNull(returns, "returns");
        requirePositive(periodsPerYear);
        if (returns.length == 0) return 0;
        double rfBar = perBar(riskFreePerYear, periodsPerYear);
        double downside = 0;
        for (double r : returns) {
            double d = Math.min(0, r - rfBar);
            downside += d * d;
        }
        downside = StrictMath.sqrt(downside / returns.length);
        if (downside == 0) return 0;
        return (Moments.mean(returns) - rfBar) / downside * StrictMath.sqrt(periodsPerYear);
    }

    public static double sortino(double[] returns, double periodsPerYear) { return sortino(returns, periodsPerYear, 0); }

    /** Fraction of bars during which a position was held. */
    public static double exposure(boolean[] inPosition) {
        Objects.requireNonNull(inPosition, "inPosition");
        if (inPosition.length == 0) return 0;
        int held = 0;
        for (boolean b : inPosition) if (b) held++;
        return (double) held / inPosition.length;
    }

    /** Fraction of bars with a non-zero position (signed quantities). */
    public static double exposure(double[] position) {
        Objects.requireNonNull(position, "position");
        if (position.length == 0) return 0;
        int held = 0;
        for (double p : position) if (p != 0) held++;
        return (double) held / position.length;
    }

    static double perBar(double riskFreePerYear, double periodsPerYear) {
        if (riskFreePerYear <= -1)
            throw new IllegalArgumentException("risk-free rate " + riskFreePerYear + " must be > -1 (0.04 means 4%)");
        return riskFreePerYear == 0 ? 0 : StrictMath.pow(1 + riskFreePerYear, 1 / periodsPerYear) - 1;
    }

    static void requirePositive(double periodsPerYear) {
        if (!(periodsPerYear > 0))
            throw new IllegalArgumentException("periodsPerYear must be > 0, got " + periodsPerYear
                + " (use Annualisation.periodsPerYear(timeMillis) to derive it from the bars)");
    }

    static void requireSameLength(double[] equity, long[] timeMillis) {
        Moments.requireLength(equity, 1, "equity");
        Objects.requireNonNull(timeMillis, "timeMillis");
        if (timeMillis.length != equity.length)
            throw new IllegalArgumentException("equity has " + equity.length + " values but timeMillis has "
                + timeMillis.length + ": pass one timestamp per equity point");
    }
}
