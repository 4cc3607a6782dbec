package io.ibex.backtest.stats;

/**
 * The deepest peak-to-trough fall of an equity curve and how long it lasted.
 *
 * @param depth          fall from the running peak as a positive fraction (0.25 = equity fell 25%); 0 if none
 * @param peakIndex      bar of the peak the fall started from
 * @param troughIndex    bar of the lowest point
 * @param recoveryIndex  first bar after the trough back at or above the peak, or -1 if never recovered
 * @param durationBars   bars from the peak to the recovery (to the last bar if not recovered)
 * @param durationMillis the same span in time
 */
public record Drawdown(double depth, int peakIndex, int troughIndex, int recoveryIndex, int durationBars,
                       long durationMillis) {

    /** The maximum drawdown of {@code equity}, with one timestamp per point. Ties keep the earliest drawdown. */
    public static Drawdown max(double[] equity, long[] timeMillis) {
        EquityStats.requireSameLength(equity, timeMillis);
        int peak = 0;
        int bestPeak = 0;
        int bestTrough = 0;
        double best = 0;
        for (int i = 1; i < equity.length; i++) {
            if (equity[i] > equity[peak]) {
                peak = i;
            } else {
                double dd = 1 - equity[i] / equity[peak];
                if (dd > best) {
                    best = dd;
                    bestPeak = peak;
                    bestTrough = i;
                }
            }
        }
        if (best == 0) return new Drawdown(0, 0, 0, -1, 0, 0);
        int recovery = -1;
        for (int i = bestTrough + 1; i < equity.length && recovery < 0; i++)
            if (equity[i] >= equity[bestPeak]) recovery = i;
        int end = recovery < 0 ? equity.length - 1 : recovery;
        return new Drawdown(best, bestPeak, bestTrough, recovery, end - bestPeak,
            timeMillis[end] - timeMillis[bestPeak]);
    }

    /** Drawdown at every bar, {@code 1 - equity[i] / runningPeak}, for the {@code drawdown} column of equity.csv. */
    public static double[] series(double[] equity) {
        Moments.requireLength(equity, 0, "equity");
        double[] dd = new double[equity.length];
        double peak = Double.NEGATIVE_INFINITY;
        for (int i = 0; i < equity.length; i++) {
            peak = Math.max(peak, equity[i]);
            dd[i] = 1 - equity[i] / peak;
        }
        return dd;
    }
}
