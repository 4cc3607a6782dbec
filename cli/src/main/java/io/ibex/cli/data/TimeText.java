package io.ibex.cli.data;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;

/** Bar times as text: a date for daily-or-longer bars stamped at midnight UTC, else an ISO-8601 UTC instant. */
final class TimeText {
    private static final long DAY_MS = 86_400_000L;

    private TimeText() {}

    static String of(long millis, Duration barSize) {
        if (barSize.toMillis() >= DAY_MS && Math.floorMod(millis, DAY_MS) == 0)
            return LocalDate.ofEpochDay(Math.floorDiv(millis, DAY_MS)).toString();
        return Instant.ofEpochMilli(millis).toString();
    }
}
