package io.ibex.backtest.stats;

/**
 * Per-block sums of x and x^2 for every column, so each CSCV split is scored in O(S x N) instead of re-reading
 * T x N returns C(S, S/2) times.
 */
final class BlockSums {
    private final double[][] sum;      // [block][strategy]
    private final double[][] sumSq;
    private final int blockRows;

    BlockSums(double[][] returns, int skippedRows, int blockRows, int blocks, int strategies) {
        this.blockRows = blockRows;
        sum = new double[blocks][strategies];
        sumSq = new double[blocks][strategies];
        for (int b = 0; b < blocks; b++) {
            for (int r = 0; r < blockRows; r++) {
                double[] row = returns[skippedRows + b * blockRows + r];
                for (int n = 0; n < strategies; n++) {
                    sum[b][n] += row[n];
                    sumSq[b][n] += row[n] * row[n];
                }
            }
        }
    }

    /** Scores every strategy over the blocks where {@code inSample[b] == side}. */
    void score(boolean[] inSample, boolean side, Pbo.Metric metric, double[] out) {
        for (int n = 0; n < out.length; n++) {
            double s = 0;
            double sq = 0;
            int count = 0;
            for (int b = 0; b < inSample.length; b++) {
                if (inSample[b] != side) continue;
                s += sum[b][n];
                sq += sumSq[b][n];
                count += blockRows;
            }
            double mean = s / count;
            out[n] = switch (metric) {
                case MEAN -> mean;
                case SHARPE -> sharpe(mean, sq, count);
            };
        }
    }

    /**
     * Variance from sums loses about half the digits to cancellation, so a series whose standard deviation is below
     * 1e-7 of its mean is treated as constant (its Sharpe is +-Infinity, which ranks correctly).
     */
    private static double sharpe(double mean, double sumSq, int count) {
        double variance = Math.max(0, (sumSq - count * mean * mean) / (count - 1));
        double sd = StrictMath.sqrt(variance);
        if (sd == 0 || sd < 1e-7 * Math.abs(mean)) return mean == 0 ? 0 : Math.copySign(Double.POSITIVE_INFINITY, mean);
        return mean / sd;
    }
}
