package io.ibex.backtest.report;

/**
 * Rolling annualised Sharpe and volatility of per-bar returns over a trailing window, O(n) with running sums. The
 * window is a quarter of a year of bars, cut to a quarter of the run when the run is shorter than a year; NaN until
 * it fills.
 */
record RollingStats(int window, double[] sharpe, double[] volatility) {
    static RollingStats of(double[] equity, double initialCash, double periodsPerYear) {
        int n = equity.length;
        int window = (int) Math.max(2, Math.min(Math.round(periodsPerYear / 4), Math.max(2, n / 4)));
        double[] r = new double[n];
        for (int i = 0; i < n; i++) {
            double prev = i == 0 ? initialCash : equity[i - 1];
            r[i] = prev == 0 ? 0 : equity[i] / prev - 1;
        }
        double[] sharpe = new double[n], vol = new double[n];
        double sum = 0, sumSq = 0, annual = Math.sqrt(periodsPerYear);
        for (int i = 0; i < n; i++) {
            if (i % window == 0 && i >= window) {           // re-anchor once a window: float drift cannot grow
                sum = 0;
                sumSq = 0;
                for (int k = i - window; k < i; k++) { sum += r[k]; sumSq += r[k] * r[k]; }
            }
            sum += r[i];
            sumSq += r[i] * r[i];
            if (i >= window) { sum -= r[i - window]; sumSq -= r[i - window] * r[i - window]; }
            if (i < window - 1) { sharpe[i] = Double.NaN; vol[i] = Double.NaN; continue; }
            double mean = sum / window, var = Math.max(0, (sumSq - window * mean * mean) / (window - 1));
            double sd = Math.sqrt(var);
            vol[i] = sd * annual;
            sharpe[i] = sd > 1e-12 ? mean / sd * annual : Double.NaN;
        }
        return new RollingStats(window, sharpe, vol);
    }
}
