package io.ibex.backtest.sweep;

import io.ibex.backtest.metrics.PerformanceMetrics;

import java.util.Arrays;

/**
 * The {@code --rank-by} value of each walk-forward test window, computed from its part of the stitched out-of-sample
 * equity, to set beside the in-sample score that chose its parameters. Metrics that need the trades (profit factor,
 * win rate) are NaN: the stitched curve does not keep them.
 */
final class WalkForwardScores {
    private WalkForwardScores() {}

    /** One score per window, in window order. */
    static double[] outOfSample(WalkForward.Result wf, RankBy rankBy) {
        int windows = wf.windows().size();
        double[] out = new double[windows];
        if (windows == 0) return out;
        int test = (wf.equity().length - 1) / windows;
        double periodsPerYear = PerformanceMetrics.periodsPerYear(wf.time());
        for (int w = 0; w < windows; w++) {
            int from = w * test;                            // index 0 of the stitched curve is the last train bar
            double start = wf.equity()[from];
            double[] eq = Arrays.copyOfRange(wf.equity(), from + 1, from + test + 1);
            long[] t = Arrays.copyOfRange(wf.time(), from, from + test + 1);
            out[w] = switch (rankBy) {
                case SHARPE -> PerformanceMetrics.sharpe(eq, start, periodsPerYear);
                case SORTINO -> PerformanceMetrics.sortino(eq, start, periodsPerYear);
                case TOTAL_RETURN -> eq[eq.length - 1] / start - 1;
                case CAGR -> PerformanceMetrics.cagr(t, start, eq[eq.length - 1]);
                case MAX_DRAWDOWN -> PerformanceMetrics.maxDrawdown(Arrays.copyOfRange(wf.equity(), from, from + test + 1));
                case PROFIT_FACTOR, WIN_RATE -> Double.NaN;
            };
        }
        return out;
    }

    /** The mean of the finite values, NaN when there is none. */
    static double mean(double[] v) {
        double sum = 0;
        int n = 0;
        for (double x : v) if (Double.isFinite(x)) { sum += x; n++; }
        return n == 0 ? Double.NaN : sum / n;
    }
}
