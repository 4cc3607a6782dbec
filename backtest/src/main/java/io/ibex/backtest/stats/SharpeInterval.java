package io.ibex.backtest.stats;

/**
 * A bootstrap confidence interval for the annualised Sharpe ratio.
 *
 * @param sharpe          the Sharpe ratio of the original series
 * @param lower           lower percentile bound
 * @param upper           upper percentile bound
 * @param confidence      e.g. 0.95
 * @param resamples       number of bootstrap resamples
 * @param meanBlockLength mean block length of the stationary bootstrap (1 = iid resampling)
 * @param seed            seed of the L64X128MixRandom generator, so the interval can be reproduced
 */
public record SharpeInterval(double sharpe, double lower, double upper, double confidence, int resamples,
                             double meanBlockLength, long seed) {}
