package io.ibex.backtest.report;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.TextStyle;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Ticks of a time axis (UTC) at round times: whole minutes, hours, days, months or years; the finest step that gives
 * five to seven ticks, else the finest that gives at most seven. A label
 * names the date only where it changes: intraday ticks read {@code Mar 14}, {@code 06:00}, {@code 12:00}, and never
 * carry the {@code 23:59:59.999} of a bar's close time.
 */
final class TimeAxis {
    record Tick(long millis, String label) {}

    private static final long MINUTE = 60_000, HOUR = 60 * MINUTE, DAY = 24 * HOUR;
    /** Fixed steps up to two weeks; above that calendar months (1, 2, 3, 6) and years (1, 2, 5, 10, ...). */
    private static final long[] FIXED = {MINUTE, 2 * MINUTE, 5 * MINUTE, 10 * MINUTE, 15 * MINUTE, 30 * MINUTE, HOUR,
        2 * HOUR, 3 * HOUR, 4 * HOUR, 6 * HOUR, 8 * HOUR, 12 * HOUR, DAY, 2 * DAY, 3 * DAY, 7 * DAY, 14 * DAY};
    private static final int[] MONTHS = {1, 2, 3, 6, 12, 24, 60, 120, 240, 600};
    private static final int MIN_TICKS = 5, MAX_TICKS = 7;

    private TimeAxis() {}

    static List<Tick> ticks(long min, long max) {
        List<Tick> fallback = null;
        for (long step : FIXED) {
            if ((max - min) / step + 1 > MAX_TICKS + 1) continue;
            List<Tick> t = fixed(min, max, step);
            if (t.size() >= MIN_TICKS && t.size() <= MAX_TICKS) return t;
            if (fallback == null && t.size() >= 2 && t.size() <= MAX_TICKS) fallback = t;
        }
        for (int months : MONTHS) {
            List<Tick> t = monthly(min, max, months);
            if (t.size() > MAX_TICKS) continue;
            if (t.size() >= MIN_TICKS) return t;
            if (fallback == null && t.size() >= 2) fallback = t;
        }
        return fallback != null ? fallback : List.of(new Tick(min, day(min)), new Tick(max, day(max)));
    }

    private static List<Tick> fixed(long min, long max, long step) {
        List<Tick> out = new ArrayList<>();
        long first = step == 7 * DAY || step == 14 * DAY ? mondayOnOrAfter(min) : ceil(min, step);
        String previousDay = null;
        for (long t = first; t <= max; t += step) {
            String day = day(t);
            boolean midnight = t % DAY == 0;
            String label = step >= DAY || midnight ? day : day.equals(previousDay) ? hhmm(t) : day + " " + hhmm(t);
            out.add(new Tick(t, label));
            previousDay = day;
        }
        return out;
    }

    private static List<Tick> monthly(long min, long max, int months) {
        ZonedDateTime start = Instant.ofEpochMilli(min).atZone(ZoneOffset.UTC);
        int index = start.getYear() * 12 + start.getMonthValue() - 1;
        int firstIndex = Math.floorDiv(index + months - 1, months) * months;
        if (firstMonthMillis(firstIndex) < min) firstIndex += months;
        List<Tick> out = new ArrayList<>();
        for (int m = firstIndex; firstMonthMillis(m) <= max && out.size() <= MAX_TICKS; m += months) {
            int year = Math.floorDiv(m, 12), month = Math.floorMod(m, 12) + 1;
            String label = months >= 12 ? Integer.toString(year)
                : java.time.Month.of(month).getDisplayName(TextStyle.SHORT, Locale.ROOT) + " " + year;
            out.add(new Tick(firstMonthMillis(m), label));
        }
        return out;
    }

    private static long firstMonthMillis(int monthIndex) {
        return LocalDate.of(Math.floorDiv(monthIndex, 12), Math.floorMod(monthIndex, 12) + 1, 1)
            .atStartOfDay(ZoneOffset.UTC).toInstant().toEpochMilli();
    }

    private static long ceil(long t, long step) { return Math.floorDiv(t + step - 1, step) * step; }

    private static long mondayOnOrAfter(long t) {
        long day = ceil(t, DAY) / DAY;                       // 1970-01-01 was a Thursday: day 4 is a Monday
        return (day + Math.floorMod(4 - day, 7)) * DAY;
    }

    /** {@code Mar 14}: day steps span weeks at most, so the year is in the period line above the charts. */
    static String day(long t) {
        LocalDate d = Instant.ofEpochMilli(t).atZone(ZoneOffset.UTC).toLocalDate();
        return d.getMonth().getDisplayName(TextStyle.SHORT, Locale.ROOT) + " " + d.getDayOfMonth();
    }

    private static String hhmm(long t) {
        long m = Math.floorMod(t, DAY) / MINUTE;
        return String.format(Locale.ROOT, "%02d:%02d", m / 60, m % 60);
    }
}
