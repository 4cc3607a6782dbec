package io.ibex.sim;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The runtime market of one instrument: its resolved ticks, the cursor on them and the halted/closed/frozen flags.
 * Derived values (day open, high, low, prior close) are precomputed per tick so that reads never scan.
 * Guarded by the simulator's lock.
 */
final class Market {
    static final ZoneId NEW_YORK = ZoneId.of("America/New_York");
    private static final LocalTime RTH_OPEN = LocalTime.of(9, 30), RTH_CLOSE = LocalTime.of(16, 0);

    final SimInstrument instrument;
    final Tick[] ticks;
    private final long[] at;
    private final double[] dayOpen, dayHigh, dayLow, priorClose;
    private final long[] dayVolume;
    private final long loopPeriod;
    int cursor = -1;
    long cursorAtMillis;
    boolean halted, frozen;
    /** Last price matched while trading, the start of the next path move (pathFills); NaN after a halt: a gap. */
    double pathFrom = Double.NaN;
    Boolean closedOverride;
    final Set<String> omitted = new HashSet<>();

    Market(SimInstrument instrument, long anchorMillis) {
        this.instrument = instrument;
        PriceScript script = instrument.prices != null ? instrument.prices : PriceScript.constant(100.00);
        List<Tick> src = script.ticks;
        int n = src.size();
        ticks = new Tick[n];
        at = new long[n];
        for (int i = 0; i < n; i++) {
            Tick t = src.get(i);
            long when = script.relative ? anchorMillis + t.atMillis() : t.atMillis();
            ticks[i] = new Tick(when, t.last(), t.bid(), t.ask(), t.bidSize(), t.askSize(), t.lastSize(), t.cumVolume());
            at[i] = when;
        }
        long spacing = n > 1 ? (at[n - 1] - at[0]) / (n - 1) : 1000;
        loopPeriod = script.loop ? Math.max(1, at[n - 1] - at[0] + Math.max(1, spacing)) : 0;
        dayOpen = new double[n]; dayHigh = new double[n]; dayLow = new double[n]; priorClose = new double[n];
        dayVolume = new long[n];
        int dayStart = 0;
        LocalDate day = null;
        long dayFrom = Long.MAX_VALUE, dayUntil = Long.MIN_VALUE; // [New York midnight, next midnight) of `day`, in ms
        for (int i = 0; i < n; i++) {
            if (at[i] < dayFrom || at[i] >= dayUntil) { // a zone lookup per day, not per tick: 80k ticks start cold
                LocalDate d = Instant.ofEpochMilli(at[i]).atZone(NEW_YORK).toLocalDate();
                if (!d.equals(day)) { dayStart = i; day = d; }
                dayFrom = d.atStartOfDay(NEW_YORK).toInstant().toEpochMilli();
                dayUntil = d.plusDays(1).atStartOfDay(NEW_YORK).toInstant().toEpochMilli();
            }
            double last = ticks[i].last();
            dayOpen[i] = ticks[dayStart].last();
            dayHigh[i] = i == dayStart ? last : Math.max(dayHigh[i - 1], last);
            dayLow[i] = i == dayStart ? last : Math.min(dayLow[i - 1], last);
            priorClose[i] = dayStart > 0 ? ticks[dayStart - 1].last()
                : instrument.priorClose != null ? instrument.priorClose : ticks[0].last();
            long base = dayStart > 0 && ticks[dayStart - 1].cumVolume() <= ticks[i].cumVolume() ? ticks[dayStart - 1].cumVolume() : 0;
            dayVolume[i] = ticks[i].cumVolume() - base;
        }
    }

    /** The index the clock says is current, or -1 before the first tick. */
    int indexAt(long nowMillis) {
        if (nowMillis < at[0]) return -1;
        long t = nowMillis;
        if (loopPeriod > 0 && t >= at[0] + loopPeriod) t = at[0] + (t - at[0]) % loopPeriod;
        int lo = 0, hi = at.length - 1;
        while (lo < hi) {
            int mid = (lo + hi + 1) >>> 1;
            if (at[mid] <= t) lo = mid; else hi = mid - 1;
        }
        return lo;
    }

    boolean looping() { return loopPeriod > 0; }

    Tick current() { return cursor < 0 ? null : ticks[cursor]; }

    double dayOpen() { return dayOpen[cursor]; }
    double dayHigh() { return dayHigh[cursor]; }
    double dayLow() { return dayLow[cursor]; }
    double priorClose() { return priorClose[cursor]; }
    long dayVolume() { return dayVolume[cursor]; }

    boolean closed(long nowMillis) {
        if (closedOverride != null) return closedOverride;
        ZonedDateTime t = Instant.ofEpochMilli(nowMillis).atZone(NEW_YORK);
        if (t.getDayOfWeek() == DayOfWeek.SATURDAY || t.getDayOfWeek() == DayOfWeek.SUNDAY) return true;
        LocalTime lt = t.toLocalTime();
        return lt.isBefore(RTH_OPEN) || !lt.isBefore(RTH_CLOSE);
    }

    /** The mark the portfolio uses: last trade, or the mid when there is none yet. */
    double mark() {
        Tick t = current();
        if (t == null) return ticks[0].last();
        return t.last() > 0 ? t.last() : (t.bid() + t.ask()) / 2;
    }

    int decimals() {
        double tick = instrument.tick;
        int d = 0;
        while (d < 8 && Math.abs(tick * Math.pow(10, d) - Math.rint(tick * Math.pow(10, d))) > 1e-9) d++;
        return d;
    }
}
