package io.ibex.backtest.report;

import io.ibex.backtest.BacktestResult;
import io.ibex.framework.domain.Bars;

/**
 * Buy and hold of the run's instruments as a benchmark: the initial cash split equally, each part bought at its
 * instrument's first close and marked at its last close on the run's timeline, and the strategy's alpha and beta
 * against it from per-bar returns (beta = cov / var of the benchmark; alpha = the mean return beta does not explain,
 * annualised by the run's bars per year).
 *
 * @param equity      benchmark equity on the run's timeline
 * @param alpha       annualised, a fraction; NaN when the benchmark does not move
 * @param correlation of the per-bar returns
 */
record Benchmark(double[] equity, double totalReturn, double alpha, double beta, double correlation) {
    static Benchmark of(BacktestResult r, double periodsPerYear) {
        Bars timeline = r.bars();
        int n = timeline.size(), m = r.series().size();
        double cash = r.initialCash().doubleValue(), part = cash / m;
        double[] equity = new double[n];
        for (Bars b : r.series()) {
            if (b.size() == 0) {
                for (int i = 0; i < n; i++) equity[i] += part;
                continue;
            }
            double units = part / b.close(0);
            int j = -1;
            for (int i = 0; i < n; i++) {
                while (j + 1 < b.size() && b.time(j + 1) <= timeline.time(i)) j++;
                equity[i] += j < 0 ? part : units * b.close(j);
            }
        }
        double[] s = r.equity();
        double ms = 0, mb = 0;
        int k = 0;
        for (int i = 1; i < n; i++, k++) {
            ms += s[i] / s[i - 1] - 1;
            mb += equity[i] / equity[i - 1] - 1;
        }
        if (k < 2) return new Benchmark(equity, n == 0 ? 0 : equity[n - 1] / cash - 1, Double.NaN, Double.NaN, Double.NaN);
        ms /= k;
        mb /= k;
        double cov = 0, varB = 0, varS = 0;
        for (int i = 1; i < n; i++) {
            double ds = s[i] / s[i - 1] - 1 - ms, db = equity[i] / equity[i - 1] - 1 - mb;
            cov += ds * db;
            varB += db * db;
            varS += ds * ds;
        }
        double beta = varB > 0 ? cov / varB : Double.NaN;
        double alpha = varB > 0 ? (ms - beta * mb) * periodsPerYear : Double.NaN;
        double corr = varB > 0 && varS > 0 ? cov / Math.sqrt(varB * varS) : Double.NaN;
        return new Benchmark(equity, equity[n - 1] / cash - 1, alpha, beta, corr);
    }
}
