package io.ibex.backtest.stats;

import java.util.Objects;

/**
 * Every headline number of a backtest, computed in one call from the engine's arrays. Ratios are plain fractions
 * (0.12 = 12%), annualised with {@code periodsPerYear}; see {@link EquityStats} for the exact definitions.
 */
public record PerformanceSummary(double totalReturn, double cagr, double annualisedVolatility, double sharpe,
                                 double sortino, Drawdown maxDrawdown, double exposure, TradeStats trades,
                                 double periodsPerYear) {

    /**
     * @param equity          account equity at each bar close (> 0)
     * @param timeMillis      bar close times, epoch millis, one per equity value, increasing
     * @param inPosition      whether a position was held during each bar (same length as equity)
     * @param tradePnl        net P&amp;L of each closed round trip
     * @param riskFreePerYear yearly risk-free rate for Sharpe and Sortino, e.g. 0 or 0.04
     */
    public static PerformanceSummary of(double[] equity, long[] timeMillis, boolean[] inPosition, double[] tradePnl,
                                        double riskFreePerYear) {
        EquityStats.requireSameLength(equity, timeMillis);
        Objects.requireNonNull(inPosition, "inPosition");
        if (inPosition.length != equity.length)
            throw new IllegalArgumentException("inPosition has " + inPosition.length + " values, equity has "
                + equity.length + ": pass one flag per bar");
        double periodsPerYear = equity.length >= 2 ? Annualisation.periodsPerYear(timeMillis) : 252;
        double[] returns = EquityStats.returns(equity);
        return new PerformanceSummary(EquityStats.totalReturn(equity), EquityStats.cagr(equity, timeMillis),
            EquityStats.annualisedVolatility(returns, periodsPerYear),
            EquityStats.sharpe(returns, periodsPerYear, riskFreePerYear),
            EquityStats.sortino(returns, periodsPerYear, riskFreePerYear),
            Drawdown.max(equity, timeMillis), EquityStats.exposure(inPosition), TradeStats.of(tradePnl),
            periodsPerYear);
    }
}
