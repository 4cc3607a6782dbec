package io.ibex.backtest.sweep;

/**
 * The return series each parameter set contributes to the overfitting report. Up to {@code maxPeriods} bars these are
 * the per-bar returns (the first against the initial cash); for longer series, consecutive bars are compounded into
 * {@code maxPeriods} equal periods (the last may be shorter) so that 1,000 sets over a million bars stay a few MB.
 * Every set of one sweep has the same bars, hence the same periods.
 */
public final class PeriodReturns {
    private PeriodReturns() {}

    public static double[] of(double[] equity, double initialCash, int maxPeriods) {
        int n = equity.length;
        int per = Math.max(1, (n + maxPeriods - 1) / maxPeriods);
        int periods = (n + per - 1) / per;
        double[] out = new double[periods];
        double start = initialCash;
        for (int p = 0; p < periods; p++) {
            int last = Math.min(n, (p + 1) * per) - 1;
            out[p] = start > 0 ? equity[last] / start - 1 : 0;
            start = equity[last];
        }
        return out;
    }

    /** Bars per period for a series of {@code bars} bars. */
    public static int barsPerPeriod(int bars, int maxPeriods) {
        return Math.max(1, (bars + maxPeriods - 1) / maxPeriods);
    }
}
