package io.ibex.data;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.temporal.TemporalAccessor;

/** Strict, locale-independent parsing of numbers and timestamps found in data files. */
final class Cells {
    /** Integers below this are epoch seconds (until year 5138), above it epoch millis (after 1973-03-03). */
    static final long EPOCH_MILLIS_THRESHOLD = 100_000_000_000L;

    private Cells() {}

    /** Thrown for a cell that cannot be read; the reader adds file and line. */
    static final class BadCell extends Exception {
        BadCell(String message) { super(message, null, false, false); }
    }

    /** A finite decimal number such as {@code 553.82}, {@code -1}, {@code 1e3}; no NaN, Infinity, hex or suffixes. */
    static double number(String column, String s) throws BadCell {
        if (s.isEmpty()) throw new BadCell(column + " is empty");
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (!(c >= '0' && c <= '9' || c == '.' || c == '-' || c == '+' || c == 'e' || c == 'E'))
                throw new BadCell(column + " '" + s + "' is not a number");
        }
        double d;
        try {
            d = Double.parseDouble(s);
        } catch (NumberFormatException e) {
            throw new BadCell(column + " '" + s + "' is not a number");
        }
        if (!Double.isFinite(d)) throw new BadCell(column + " '" + s + "' is out of range");
        return d;
    }

    /**
     * A time as epoch millis: an ISO date ({@code 2013-01-02}, midnight UTC), an ISO date-time with or without zone
     * (no zone means UTC; a space may replace the {@code T}), or an integer epoch in seconds or millis told apart by
     * magnitude (see {@link #EPOCH_MILLIS_THRESHOLD}).
     */
    static long time(String column, String s) throws BadCell {
        int n = s.length();
        if (n == 0) throw new BadCell(column + " is empty");
        if (isInteger(s)) {
            long v;
            try {
                v = Long.parseLong(s);
            } catch (NumberFormatException e) {
                throw new BadCell(column + " '" + s + "' is out of range");
            }
            return Math.abs(v) < EPOCH_MILLIS_THRESHOLD ? v * 1000 : v;
        }
        if (n == 10 && s.charAt(4) == '-' && s.charAt(7) == '-') return isoDate(column, s);
        String iso = n > 10 && s.charAt(10) == ' ' ? s.substring(0, 10) + 'T' + s.substring(11) : s;
        try {
            TemporalAccessor t = DateTimeFormatter.ISO_DATE_TIME.parse(iso);
            if (t.isSupported(java.time.temporal.ChronoField.OFFSET_SECONDS)) return Instant.from(t).toEpochMilli();
            return LocalDateTime.from(t).toInstant(ZoneOffset.UTC).toEpochMilli();
        } catch (DateTimeParseException e) {
            throw new BadCell(column + " '" + s + "' is not a date/time (use 2013-01-02, 2013-01-02T09:30:00[Z],"
                + " or epoch seconds/millis)");
        }
    }

    private static long isoDate(String column, String s) throws BadCell {
        try {
            int y = digits(s, 0, 4), m = digits(s, 5, 7), d = digits(s, 8, 10);
            return LocalDate.of(y, m, d).toEpochDay() * 86_400_000L;
        } catch (RuntimeException e) {
            throw new BadCell(column + " '" + s + "' is not a valid date (yyyy-MM-dd)");
        }
    }

    private static int digits(String s, int from, int to) {
        int v = 0;
        for (int i = from; i < to; i++) {
            char c = s.charAt(i);
            if (c < '0' || c > '9') throw new IllegalArgumentException(s);
            v = v * 10 + (c - '0');
        }
        return v;
    }

    private static boolean isInteger(String s) {
        int start = s.charAt(0) == '-' ? 1 : 0;
        if (start == s.length()) return false;
        for (int i = start; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c < '0' || c > '9') return false;
        }
        return true;
    }

    /** Formats epoch millis for messages. */
    static String instant(long millis) { return Instant.ofEpochMilli(millis).toString(); }
}
