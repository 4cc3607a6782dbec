package io.ibex.backtest.report;

import io.ibex.backtest.BacktestResult;
import io.ibex.backtest.stats.DeflatedSharpe;
import io.ibex.backtest.stats.PerformanceSummary;
import io.ibex.backtest.stats.SharpeBootstrap;
import io.ibex.backtest.stats.SharpeInterval;
import io.ibex.backtest.stats.EquityStats;

/**
 * Statistics beyond the DESIGN.md summary keys, from {@code io.ibex.backtest.stats}: volatility, drawdown duration,
 * exposure, average trade, a bootstrap confidence interval for Sharpe and the deflated Sharpe ratio (one trial: the
 * probability that the true Sharpe is above zero). NaN where undefined.
 *
 * @param sharpeLow         lower end of the 95% block-bootstrap interval of the annualised Sharpe (2,000 resamples, seed 1)
 * @param drawdownBars      bars from the peak before the deepest drawdown to its recovery (or the end)
 */
public record ExtraStatistics(double volatility, int drawdownBars, double exposure, double averageTrade,
                              double sharpeLow, double sharpeHigh, double deflatedSharpe) {
    static final long BOOTSTRAP_SEED = 1;

    public static ExtraStatistics of(BacktestResult r) {
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
                SharpeInterval ci = SharpeBootstrap.interval(returns, s.periodsPerYear(), BOOTSTRAP_SEED);
                low = ci.lower();
                high = ci.upper();
                dsr = DeflatedSharpe.deflatedSharpe(returns, 1, 0);
            } catch (IllegalArgumentException undefined) {
                // a flat equity curve has no Sharpe distribution; the values stay NaN ("null" in summary.json)
            }
        }
        return new ExtraStatistics(s.annualisedVolatility(), s.maxDrawdown().durationBars(),
            known ? s.exposure() : Double.NaN, s.trades().averageTrade(), low, high, dsr);
    }

}
