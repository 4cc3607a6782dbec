package io.ibex.data;

import io.ibex.framework.error.DataException;

import java.time.Duration;
import java.util.Locale;

/** Bar sizes as users type them: {@code 1m 5m 15m 1h 1d}, also {@code 30s}, {@code 5min}, {@code 4h}, {@code 1w}. */
public final class BarSizes {
    private BarSizes() {}

    /** Parses {@code <positive integer><unit>} with unit s, m/min, h, d, w (case-insensitive). */
    public static Duration parse(String text) {
        if (text == null) throw new DataException("bar size missing: use e.g. 1m, 5m, 15m, 1h or 1d");
        String s = text.trim().toLowerCase(Locale.ROOT);
        int i = 0;
        while (i < s.length() && Character.isDigit(s.charAt(i))) i++;
        if (i == 0 || i > 9) throw invalid(text);
        long n = Long.parseLong(s.substring(0, i));
        if (n <= 0) throw invalid(text);
        String unit = s.substring(i).trim();
        return switch (unit) {
            case "s", "sec", "secs" -> Duration.ofSeconds(n);
            case "m", "min", "mins" -> Duration.ofMinutes(n);
            case "h", "hr", "hour", "hours" -> Duration.ofHours(n);
            case "d", "day", "days" -> Duration.ofDays(n);
            case "w", "wk", "week", "weeks" -> Duration.ofDays(7 * n);
            default -> throw invalid(text);
        };
    }

    /** The canonical short form: {@code 5m}, {@code 1h}, {@code 1d}; the inverse of {@link #parse}. */
    public static String format(Duration size) {
        long s = size.toSeconds();
        if (s <= 0 || size.toNanos() % 1_000_000_000L != 0)
            throw new DataException("bar size " + size + " must be a positive whole number of seconds");
        if (s % 604_800 == 0) return s / 604_800 + "w";
        if (s % 86_400 == 0) return s / 86_400 + "d";
        if (s % 3_600 == 0) return s / 3_600 + "h";
        if (s % 60 == 0) return s / 60 + "m";
        return s + "s";
    }

    private static DataException invalid(String text) {
        return new DataException("bar size '" + text + "' is not valid: use a positive number and a unit,"
            + " e.g. 1m, 5m, 15m, 1h, 1d (s, m/min, h, d, w)");
    }
}
