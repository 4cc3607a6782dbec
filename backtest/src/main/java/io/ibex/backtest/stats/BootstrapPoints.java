package io.ibex.backtest.stats;

import java.util.Arrays;
import java.util.function.IntToLongFunction;

/**
 * The returns the Sharpe bootstrap resamples, at most {@code maxPoints} of them, so its cost does not grow with the bar
 * count. Up to {@code maxPoints} bar returns are used as they are. Beyond that, the equity at the last bar of each UTC
 * day (of each run of {@code ceil(days / maxPoints)} days when there are more days than that); when the bars cover
 * too few days for {@link #MIN_POINTS} returns, the equity at every {@code ceil((n - 1) / maxPoints)}-th bar.
 *
 * @param returns        returns between consecutive points
 * @param periodsPerYear the bars' periods per year divided by the mean number of bars per point, so an annualised
 *                       Sharpe keeps the bars' year
 */
public record BootstrapPoints(double[] returns, double periodsPerYear) {
    public static final int DEFAULT_MAX_POINTS = 10_000;
    static final int MIN_POINTS = 30;

    public static BootstrapPoints of(double[] equity, long[] timeMillis, double barsPerYear, int maxPoints) {
        EquityStats.requireSameLength(equity, timeMillis);
        if (maxPoints < MIN_POINTS) throw new IllegalArgumentException("maxPoints must be >= " + MIN_POINTS + ", got " + maxPoints);
        int n = equity.length;
        if (n - 1 <= maxPoints) return new BootstrapPoints(EquityStats.returns(equity), barsPerYear);
        long firstDay = Math.floorDiv(timeMillis[0], Annualisation.DAY_MILLIS);
        long days = Math.floorDiv(timeMillis[n - 1], Annualisation.DAY_MILLIS) - firstDay + 1;
        IntToLongFunction key;
        if (days > MIN_POINTS) {
            long group = (days + maxPoints - 1) / maxPoints;
            key = i -> (Math.floorDiv(timeMillis[i], Annualisation.DAY_MILLIS) - firstDay) / group;
        } else {
            long group = (n - 1 + maxPoints - 1) / maxPoints;
            key = i -> (i + group - 1) / group;
        }
        double[] points = new double[maxPoints + 1];
        int count = 1;
        points[0] = equity[0];
        long previous = 0;
        for (int i = 1; i < n; i++) {
            long k = key.applyAsLong(i);
            if (i == 1 || k != previous) count++;
            previous = k;
            points[count - 1] = equity[i];
        }
        double[] returns = EquityStats.returns(Arrays.copyOf(points, count));
        return new BootstrapPoints(returns, barsPerYear * returns.length / (n - 1));
    }
}
