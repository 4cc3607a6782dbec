package io.ibex.backtest.metrics;

import io.ibex.backtest.BacktestResult;
import io.ibex.execution.Trade;
import io.ibex.backtest.stats.Median;
import io.ibex.framework.domain.Bars;

import java.math.MathContext;
import java.util.List;

/**
 * Statistics from the per-bar equity curve and the closed trades.
 *
 * <p>Annualisation: the median spacing of bar times decides. Spacing of roughly a day (20 h to 4 days, weekends and
 * holidays included) counts 252 trading bars a year, about a week 52, about a month 12. Shorter spacing is treated as a
 * market that trades around the clock (crypto): 365 days × 24 h / spacing. For intraday bars of a market with a
 * 6.5-hour session this overstates the bars per year; pass your own figure to {@link #of(double[], long[], double, double, List, double)}.
 * Sharpe and Sortino use simple per-bar returns, a zero risk-free rate, the sample standard deviation (n − 1) for Sharpe
 * and the root mean square of the negative returns (over all bars) for Sortino. CAGR uses calendar time between the
 * first and last bar (365.25-day years).
 */
public final class PerformanceMetrics {
    private static final double MILLIS_PER_DAY = 86_400_000.0;
    private static final double MILLIS_PER_YEAR = 365.25 * MILLIS_PER_DAY;

    private PerformanceMetrics() {}

    public static Metrics of(BacktestResult r) {
        Bars b = r.bars();
        long[] time = new long[b.size()];
        for (int i = 0; i < time.length; i++) time[i] = b.time(i);
        Metrics m = of(r.equity(), time, r.initialCash().doubleValue(), r.finalEquity().doubleValue(), r.trades(),
            periodsPerYear(time));
        // the exact ledger gives an exact total return; doubles would print 0.023378600000000027
        double exactReturn = r.finalEquity().subtract(r.initialCash()).divide(r.initialCash(), MathContext.DECIMAL64).doubleValue();
        return new Metrics(exactReturn, m.cagr(), m.sharpe(), m.sortino(), m.maxDrawdown(), m.winRate(), m.profitFactor(),
            m.trades(), m.periodsPerYear());
    }

    public static Metrics of(double[] equity, long[] time, double initialCash, double finalEquity, List<Trade> trades,
                             double periodsPerYear) {
        double totalReturn = finalEquity / initialCash - 1;
        CurveStats c = curve(equity, initialCash, periodsPerYear);
        return new Metrics(totalReturn, cagr(time, initialCash, finalEquity), c.sharpe(), c.sortino(), c.maxDrawdown(),
            winRate(trades), profitFactor(trades), trades.size(), periodsPerYear);
    }

    /** Sharpe and Sortino of the per-bar simple returns (the first against the initial cash), and the max drawdown. */
    private record CurveStats(double sharpe, double sortino, double maxDrawdown) {}

    /** Two passes over the equity and no per-run arrays: a sweep computes this once per parameter set. */
    private static CurveStats curve(double[] equity, double initialCash, double periodsPerYear) {
        int n = equity.length;
        double sum = 0, down = 0, maxDd = 0, peak = Double.NEGATIVE_INFINITY, prev = initialCash;
        for (int i = 0; i < n; i++) {
            double x = prev == 0 ? 0 : equity[i] / prev - 1;
            prev = equity[i];
            sum += x;
            if (x < 0) down += x * x;
            peak = Math.max(peak, equity[i]);
            maxDd = Math.max(maxDd, drawdown(peak, equity[i]));
        }
        if (n < 2) return new CurveStats(Double.NaN, Double.NaN, maxDd);
        double mean = sum / n, ss = 0;
        prev = initialCash;
        for (double e : equity) {
            double x = prev == 0 ? 0 : e / prev - 1;
            prev = e;
            ss += (x - mean) * (x - mean);
        }
        double sd = StrictMath.sqrt(ss / (n - 1)), dd = StrictMath.sqrt(down / n);
        return new CurveStats(sd == 0 ? Double.NaN : mean / sd * StrictMath.sqrt(periodsPerYear),
            dd == 0 ? Double.NaN : mean / dd * StrictMath.sqrt(periodsPerYear), maxDd);
    }

    private static double drawdown(double peak, double equity) { return peak > 0 ? 1 - equity / peak : 0; }

    public static double periodsPerYear(long[] time) {
        if (time.length < 2) return 252;
        double median = Median.spacing(time);
        double days = median / MILLIS_PER_DAY;
        if (days >= 25) return 12;
        if (days >= 6) return 52;
        if (days >= 20.0 / 24) return 252;
        return 365 * MILLIS_PER_DAY / median;
    }

    public static double sharpe(double[] equity, double initialCash, double periodsPerYear) {
        return curve(equity, initialCash, periodsPerYear).sharpe();
    }

    public static double sortino(double[] equity, double initialCash, double periodsPerYear) {
        return curve(equity, initialCash, periodsPerYear).sortino();
    }

    /** Drawdown at each bar: 1 - equity / running peak (0 at a new high). */
    public static double[] drawdowns(double[] equity) {
        double[] dd = new double[equity.length];
        double peak = Double.NEGATIVE_INFINITY;
        for (int i = 0; i < equity.length; i++) {
            peak = Math.max(peak, equity[i]);
            dd[i] = drawdown(peak, equity[i]);
        }
        return dd;
    }

    public static double maxDrawdown(double[] equity) {
        double max = 0;
        for (double d : drawdowns(equity)) max = Math.max(max, d);
        return max;
    }

    public static double cagr(long[] time, double initialCash, double finalEquity) {
        if (time.length < 2) return Double.NaN;
        double years = (time[time.length - 1] - time[0]) / MILLIS_PER_YEAR;
        if (years <= 0) return Double.NaN;
        if (finalEquity <= 0) return -1;
        return StrictMath.pow(finalEquity / initialCash, 1 / years) - 1;
    }

    public static double winRate(List<Trade> trades) {
        if (trades.isEmpty()) return Double.NaN;
        int wins = 0;
        for (Trade t : trades) if (t.pnl().signum() > 0) wins++;
        return (double) wins / trades.size();
    }

    public static double profitFactor(List<Trade> trades) {
        double profit = 0, loss = 0;
        for (Trade t : trades) {
            double p = t.pnl().doubleValue();
            if (p > 0) profit += p; else loss -= p;
        }
        return loss == 0 ? Double.NaN : profit / loss;
    }
}
