package io.ibex.backtest.metrics;

/**
 * Headline statistics of one run. Ratios are plain fractions (0.05 = 5%). {@code NaN} marks a value that is undefined
 * for this run (Sharpe of a flat equity curve, profit factor without a losing trade); reports print it as null/"n/a".
 *
 * @param maxDrawdown     largest fall from a running equity peak, as a positive fraction of that peak
 * @param periodsPerYear  bars per year used to annualise Sharpe and Sortino
 */
public record Metrics(double totalReturn, double cagr, double sharpe, double sortino, double maxDrawdown,
                      double winRate, double profitFactor, int trades, double periodsPerYear) {}
