package io.ibex.backtest.stats;

import java.util.Objects;

/**
 * Probability of backtest overfitting by combinatorially symmetric cross-validation (CSCV), after Bailey, Borwein,
 * Lopez de Prado and Zhu, "The Probability of Backtest Overfitting" (Journal of Computational Finance 20(4), 2017).
 *
 * <p>Input: a T x N matrix, {@code returns[t][n]} = return of parameter set n in period t. The T rows are cut into S
 * equal contiguous blocks (the oldest {@code T mod S} rows are dropped). For each of the C(S, S/2) ways to choose
 * half of the blocks as in-sample (IS), the rest being out-of-sample (OOS):
 * <ol>
 *   <li>score every parameter set on IS rows and on OOS rows (per-period Sharpe ratio by default);</li>
 *   <li>take the IS winner n* (on ties, the lowest index);</li>
 *   <li>rank n* among all N by OOS score (1 = worst; ties get their average rank) and set w = rank / (N + 1);</li>
 *   <li>logit = ln(w / (1 - w)): negative when n* lands below the OOS median.</li>
 * </ol>
 * PBO is the share of splits with logit <= 0. These conventions (drop oldest rows, average ranks, N + 1, <= 0) match
 * the pypbo reference implementation. High PBO means picking the best backtest tends to pick a worse-than-median
 * strategy out of sample.
 */
public final class Pbo {
    /** How a parameter set is scored on a subset of rows. */
    public enum Metric {
        /** mean / standard deviation (n - 1) of the rows; +-Infinity for a constant non-zero series, 0 if all 0 */
        SHARPE,
        /** mean return of the rows */
        MEAN
    }

    private Pbo() {}

    public static PboResult cscv(double[][] returns, int partitions) { return cscv(returns, partitions, Metric.SHARPE); }

    public static PboResult cscv(double[][] returns, int partitions, Metric metric) {
        Objects.requireNonNull(returns, "returns");
        Objects.requireNonNull(metric, "metric");
        if (partitions < 2 || partitions % 2 != 0)
            throw new IllegalArgumentException("partitions S must be even and >= 2, got " + partitions
                + " (the paper suggests 16)");
        if (partitions > 24)
            throw new IllegalArgumentException("partitions S = " + partitions + " would need C(S, S/2) > 2.7 million"
                + " splits; use S <= 24 (the paper suggests 16)");
        int rows = returns.length;
        if (rows < 2 * partitions)
            throw new IllegalArgumentException("CSCV with S = " + partitions + " blocks needs at least "
                + 2 * partitions + " rows (periods), got " + rows);
        int strategies = returns[0].length;
        if (strategies < 2) throw new IllegalArgumentException("CSCV needs at least 2 parameter sets (columns)");
        for (int t = 0; t < rows; t++)
            if (returns[t].length != strategies)
                throw new IllegalArgumentException("row " + t + " has " + returns[t].length + " columns, row 0 has "
                    + strategies + ": every period needs one return per parameter set");

        int blockRows = rows / partitions;
        int skipped = rows - blockRows * partitions;
        BlockSums sums = new BlockSums(returns, skipped, blockRows, partitions, strategies);
        int[] inSample = firstCombination(partitions / 2);
        double[] logits = new double[binomial(partitions, partitions / 2)];
        double[] isScore = new double[strategies];
        double[] oosScore = new double[strategies];
        int overfit = 0;
        for (int split = 0; split < logits.length; split++) {
            boolean[] isBlock = new boolean[partitions];
            for (int b : inSample) isBlock[b] = true;
            sums.score(isBlock, true, metric, isScore);
            sums.score(isBlock, false, metric, oosScore);
            int best = 0;
            for (int n = 1; n < strategies; n++) if (isScore[n] > isScore[best]) best = n;
            double w = averageRank(oosScore, best) / (strategies + 1);
            logits[split] = StrictMath.log(w / (1 - w));
            if (logits[split] <= 0) overfit++;
            nextCombination(inSample, partitions);
        }
        return new PboResult((double) overfit / logits.length, logits, partitions, blockRows * partitions);
    }

    /** 1-based rank of {@code scores[index]} among all scores, ties sharing their average rank. */
    static double averageRank(double[] scores, int index) {
        int below = 0;
        int equal = 0;
        for (double s : scores) {
            if (s < scores[index]) below++;
            else if (s == scores[index]) equal++;
        }
        return below + (equal + 1) / 2.0;
    }

    private static int[] firstCombination(int k) {
        int[] c = new int[k];
        for (int i = 0; i < k; i++) c[i] = i;
        return c;
    }

    /** Advances to the next k-subset of {0..n-1} in lexicographic order (wraps after the last; never used then). */
    private static void nextCombination(int[] c, int n) {
        int k = c.length;
        int i = k - 1;
        while (i >= 0 && c[i] == n - k + i) i--;
        if (i < 0) return;
        c[i]++;
        for (int j = i + 1; j < k; j++) c[j] = c[j - 1] + 1;
    }

    static int binomial(int n, int k) {
        long r = 1;
        for (int i = 1; i <= k; i++) r = r * (n - k + i) / i;
        return Math.toIntExact(r);
    }
}
