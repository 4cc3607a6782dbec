package io.ibex.backtest.stats;

import java.util.Objects;

/** How many bars make a year, for annualising ratios. */
public final class Annualisation {
    static final long DAY_MILLIS = 86_400_000L;

    private Annualisation() {}

    /**
     * Bars per year, inferred from the timestamps (epoch millis, ascending):
     * <ul>
     *   <li>a median spacing of 20 hours to 4 days is daily bars: 252 a year, or 365 if any bar falls on a weekend
     *       (UTC), as crypto trades every day;</li>
     *   <li>4 to 10 days is weekly (52); 10 to 45 days monthly (12); longer, 365.25 days / median spacing;</li>
     *   <li>under 20 hours is intraday. A round-the-clock market (bars covering at least 80% of the elapsed time;
     *       weekend bars alone do not count, as Sydney opens on Sunday UTC) gets (24 h / median spacing) x 365: 5-minute crypto bars give 288 x 365 = 105,120.
     *       Otherwise bars per active day (bars / distinct UTC dates, rounded) x 252: regular-hours 5-minute stock
     *       bars give 78 x 252 = 19,656.</li>
     * </ul>
     * The median, not the mean, so holidays, weekends and data gaps do not move the answer.
     */
    public static double periodsPerYear(long[] timeMillis) {
        Objects.requireNonNull(timeMillis, "timeMillis");
        if (timeMillis.length < 2)
            throw new IllegalArgumentException("periodsPerYear needs at least 2 timestamps, got " + timeMillis.length);
        for (int i = 1; i < timeMillis.length; i++) {
            if (timeMillis[i] <= timeMillis[i - 1])
                throw new IllegalArgumentException("timestamps must increase: timeMillis[" + i + "] = "
                    + timeMillis[i] + " <= timeMillis[" + (i - 1) + "] = " + timeMillis[i - 1]);
        }
        double median = Median.spacing(timeMillis);
        double days = median / DAY_MILLIS;
        boolean everyDay = tradesOnWeekends(timeMillis);
        if (days > 45) return EquityStats.MILLIS_PER_YEAR / median;
        if (days > 10) return 12;
        if (days > 4) return 52;
        if (days >= 20.0 / 24) return everyDay ? 365 : 252;
        double coverage = timeMillis.length * median / (timeMillis[timeMillis.length - 1] - timeMillis[0]);
        if (coverage >= 0.8) return Math.round(DAY_MILLIS / median) * 365.0;
        return barsPerActiveDay(timeMillis) * 252;
    }

    private static boolean tradesOnWeekends(long[] timeMillis) {
        for (long t : timeMillis) {
            long dayOfWeek = Math.floorMod(Math.floorDiv(t, DAY_MILLIS) + 3, 7);   // 1970-01-01 was a Thursday (3)
            if (dayOfWeek >= 5) return true;                                       // Saturday 5, Sunday 6
        }
        return false;
    }

    private static double barsPerActiveDay(long[] timeMillis) {
        int days = 1;                               // the times increase, so each new UTC date starts a new day
        for (int i = 1; i < timeMillis.length; i++)
            if (Math.floorDiv(timeMillis[i], DAY_MILLIS) != Math.floorDiv(timeMillis[i - 1], DAY_MILLIS)) days++;
        // rounded: a half-day session or a partial first day should not give 77.6 bars a day
        return Math.max(1, Math.round((double) timeMillis.length / days));
    }
}
