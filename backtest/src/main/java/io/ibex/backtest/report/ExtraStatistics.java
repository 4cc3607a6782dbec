package io.ibex.backtest.report;

import io.ibex.backtest.BacktestResult;
import io.ibex.backtest.stats.BootstrapPoints;
import io.ibex.backtest.stats.DeflatedSharpe;
import io.ibex.backtest.stats.PerformanceSummary;
import io.ibex.backtest.stats.SharpeAnalytic;
import io.ibex.backtest.stats.SharpeBootstrap;
import io.ibex.backtest.stats.SharpeInterval;
import io.ibex.backtest.stats.EquityStats;

/**
 * Statistics beyond the DESIGN.md summary keys, from {@code io.ibex.backtest.stats}: volatility, drawdown duration,
 * exposure, average trade, a 95% confidence interval for Sharpe and the deflated Sharpe ratio (one trial: the
 * probability that the true Sharpe is above zero). NaN where undefined. Every one is O(n) except the opt-in bootstrap
 * interval (bounded work, see {@link SharpeCi#BOOTSTRAP}); compute them once per run and hand them to each writer.
 *
 * @param sharpeLow         lower end of the 95% interval of the annualised Sharpe, computed as {@code sharpeCi} says
 * @param drawdownBars      bars from the peak before the deepest drawdown to its recovery (or the end)
 */
public record ExtraStatistics(double volatility, int drawdownBars, double exposure, double averageTrade,
                              double sharpeLow, double sharpeHigh, double deflatedSharpe, SharpeCi sharpeCi) {
    static final long BOOTSTRAP_SEED = 1;

    public static ExtraStatistics of(BacktestResult r) { return of(r, SharpeCi.ANALYTIC); }

    public static ExtraStatistics of(BacktestResult r, SharpeCi method) {
        int n = r.equity().length;
        long[] time = new long[n];
        boolean[] inPosition = new boolean[n];
        boolean known = r.position().length == n;
        for (int i = 0; i < n; i++) {
            time[i] = r.bars().time(i);
            inPosition[i] = known && r.position()[i] != 0;
        }
        double[] pnl = new double[r.trades().size()];
        for (int k = 0; k < pnl.length; k++) pnl[k] = r.trades().get(k).pnl().doubleValue();
        PerformanceSummary s = PerformanceSummary.of(r.equity(), time, inPosition, pnl, 0);
        double low = Double.NaN, high = Double.NaN, dsr = Double.NaN;
        double[] returns = EquityStats.returns(r.equity());
        if (returns.length >= 3) {
            try {
                dsr = DeflatedSharpe.deflatedSharpe(returns, 1, 0);
                double[] ci = method == SharpeCi.BOOTSTRAP ? bootstrap(r.equity(), time, s.periodsPerYear())
                    : analytic(returns, s.periodsPerYear());
                low = ci[0];
                high = ci[1];
            } catch (IllegalArgumentException undefined) {
                // a flat equity curve has no Sharpe distribution; the values stay NaN ("null" in summary.json)
            }
        }
        return new ExtraStatistics(s.annualisedVolatility(), s.maxDrawdown().durationBars(),
            known ? s.exposure() : Double.NaN, s.trades().averageTrade(), low, high, dsr, method);
    }

    private static double[] analytic(double[] returns, double periodsPerYear) {
        SharpeAnalytic.Interval ci = SharpeAnalytic.interval(returns, periodsPerYear);
        return new double[] {ci.lower(), ci.upper()};
    }

    private static double[] bootstrap(double[] equity, long[] time, double periodsPerYear) {
        BootstrapPoints p = BootstrapPoints.of(equity, time, periodsPerYear, BootstrapPoints.DEFAULT_MAX_POINTS);
        SharpeInterval ci = SharpeBootstrap.interval(p.returns(), p.periodsPerYear(), BOOTSTRAP_SEED);
        return new double[] {ci.lower(), ci.upper()};
    }
}
