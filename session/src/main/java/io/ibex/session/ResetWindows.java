package io.ibex.session;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.EnumSet;
import java.util.Objects;
import java.util.Set;

/**
 * The expected daily outage (nightly reset at ~00:00 and the ~01:00 {@code /iserver} restart, New York time) plus whole
 * maintenance days. Inside a window the keeper neither alarms nor starts IBeam logins (reliability F10); during
 * {@code grace} after a window it recovers but still does not alarm.
 */
public record ResetWindows(ZoneId zone, LocalTime start, LocalTime end, Set<DayOfWeek> wholeDays, Duration grace) {
    public ResetWindows {
        Objects.requireNonNull(zone, "zone");
        Objects.requireNonNull(start, "start");
        Objects.requireNonNull(end, "end");
        wholeDays = wholeDays.isEmpty() ? EnumSet.noneOf(DayOfWeek.class) : EnumSet.copyOf(wholeDays);
        Objects.requireNonNull(grace, "grace");
    }

    /** 23:45–01:15 New York covers both documented reset times; Saturday is IBKR's weekly maintenance evening. */
    public static ResetWindows newYorkDefault() {
        return new ResetWindows(ZoneId.of("America/New_York"), LocalTime.of(23, 45), LocalTime.of(1, 15),
            EnumSet.of(DayOfWeek.SATURDAY), Duration.ofMinutes(15));
    }

    /** {@code 23:45-01:15} in {@code zone}, keeping the default Saturday maintenance day and 15 min grace. */
    public static ResetWindows parse(String window, ZoneId zone) {
        String[] parts = window.strip().split("-");
        try {
            if (parts.length != 2) throw new java.time.format.DateTimeParseException("no '-'", window, 0);
            ResetWindows d = newYorkDefault();
            return new ResetWindows(zone, LocalTime.parse(parts[0].strip()), LocalTime.parse(parts[1].strip()),
                d.wholeDays(), d.grace());
        } catch (java.time.format.DateTimeParseException e) {
            throw new io.ibex.framework.error.ConfigException("--reset-window " + window
                + ": expected HH:MM-HH:MM in 24 h local time, e.g. 23:45-01:15");
        }
    }

    public static ResetWindows none() {
        return new ResetWindows(ZoneId.of("UTC"), LocalTime.MIDNIGHT, LocalTime.MIDNIGHT, Set.of(), Duration.ZERO);
    }

    public boolean contains(Instant at) {
        ZonedDateTime local = at.atZone(zone);
        if (wholeDays.contains(local.getDayOfWeek())) return true;
        LocalTime t = local.toLocalTime();
        if (start.equals(end)) return false;
        return start.isBefore(end) ? !t.isBefore(start) && t.isBefore(end) : !t.isBefore(start) || t.isBefore(end);
    }

    /** True inside a window or within {@code grace} after one ended: outages here are expected, so no alarm. */
    public boolean quiet(Instant at) {
        return contains(at) || (!grace.isZero() && contains(at.minus(grace)));
    }
}
