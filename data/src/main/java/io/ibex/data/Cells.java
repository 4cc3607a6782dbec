package io.ibex.data;

import ch.randelshofer.fastdoubleparser.JavaDoubleParser;

import java.nio.charset.StandardCharsets;
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
        byte[] b = s.getBytes(StandardCharsets.UTF_8);
        return number(column, b, 0, b.length);
    }

    /** {@link #number(String, String)} of the UTF-8 text {@code b[from, to)}, without making a String. */
    static double number(String column, byte[] b, int from, int to) throws BadCell {
        if (from == to) throw new BadCell(column + " is empty");
        for (int i = from; i < to; i++) {
            byte c = b[i];
            if (!(c >= '0' && c <= '9' || c == '.' || c == '-' || c == '+' || c == 'e' || c == 'E'))
                throw new BadCell(column + " '" + text(b, from, to) + "' is not a number");
        }
        double d;
        try {
            d = JavaDoubleParser.parseDouble(b, from, to - from);
        } catch (NumberFormatException e) {
            throw new BadCell(column + " '" + text(b, from, to) + "' is not a number");
        }
        if (!Double.isFinite(d)) throw new BadCell(column + " '" + text(b, from, to) + "' is out of range");
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

    /**
     * {@link #time(String, String)} of the UTF-8 text {@code b[from, to)}: epoch integers, ISO dates and the common ISO
     * date-times ({@code T} or space, optional seconds and fraction, none/{@code Z}/{@code +HH:MM}) are read from the
     * bytes; anything else goes the {@link DateTimeFormatter} way, which also words the errors.
     */
    static long time(String column, byte[] b, int from, int to) throws BadCell {
        int n = to - from;
        if (n == 0) throw new BadCell(column + " is empty");
        long v = epoch(b, from, to);
        if (v != NONE) return Math.abs(v) < EPOCH_MILLIS_THRESHOLD ? v * 1000 : v;
        if (n == 10 && b[from + 4] == '-' && b[from + 7] == '-') {
            long day = epochDay(b, from);
            if (day == NONE) throw new BadCell(column + " '" + text(b, from, to) + "' is not a valid date (yyyy-MM-dd)");
            return day * 86_400_000L;
        }
        long t = n >= 16 ? isoDateTime(b, from, to) : NONE;
        return t != NONE ? t : time(column, text(b, from, to));
    }

    /** What the byte parsers return for text they leave to the slow path; no time they accept equals it. */
    private static final long NONE = Long.MIN_VALUE;
    private static final int[] MONTH_DAYS = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};

    /** An optional minus and 1 to 18 digits (longer integers go the slow way), or NONE. */
    private static long epoch(byte[] b, int from, int to) {
        int i = b[from] == '-' ? from + 1 : from;
        if (i == to || to - i > 18) return NONE;
        long v = 0;
        for (; i < to; i++) {
            int d = b[i] - '0';
            if (d < 0 || d > 9) return NONE;
            v = v * 10 + d;
        }
        return b[from] == '-' ? -v : v;
    }

    /** The epoch day of {@code yyyy-MM-dd} at {@code b[at]}, or NONE when it is not a valid date. */
    private static long epochDay(byte[] b, int at) {
        int y = digits(b, at, 4), m = digits(b, at + 5, 2), d = digits(b, at + 8, 2);
        if (y < 0 || m < 1 || m > 12 || d < 1) return NONE;
        boolean leap = y % 4 == 0 && (y % 100 != 0 || y % 400 == 0);
        if (d > MONTH_DAYS[m - 1] + (m == 2 && leap ? 1 : 0)) return NONE;
        int yy = m <= 2 ? y - 1 : y;                      // days from civil (H. Hinnant), years 0..9999
        int era = Math.floorDiv(yy, 400), yoe = yy - era * 400;
        int doy = (153 * (m > 2 ? m - 3 : m + 9) + 2) / 5 + d - 1;
        int doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
        return era * 146_097L + doe - 719_468;
    }

    /**
     * {@code yyyy-MM-dd(T|t| )HH:mm[:ss[.f{1,9}]][Z|z|+HH:MM|-HH:MM]} as epoch millis (fraction truncated, as
     * {@link Instant#toEpochMilli()} does), or NONE for any other text or an out-of-range field.
     */
    private static long isoDateTime(byte[] b, int from, int to) {
        if (b[from + 4] != '-' || b[from + 7] != '-' || b[from + 13] != ':') return NONE;
        byte sep = b[from + 10];
        if (sep != 'T' && sep != 't' && sep != ' ') return NONE;
        long day = epochDay(b, from);
        int hh = digits(b, from + 11, 2), mm = digits(b, from + 14, 2);
        if (day == NONE || hh < 0 || hh > 23 || mm < 0 || mm > 59) return NONE;
        int i = from + 16, ss = 0, millis = 0;
        if (i < to && b[i] == ':') {
            if (to - i < 3 || (ss = digits(b, i + 1, 2)) < 0 || ss > 59) return NONE;
            i += 3;
            if (i < to && b[i] == '.') {
                int f = ++i;
                while (i < to && b[i] >= '0' && b[i] <= '9') i++;
                if (i == f || i - f > 9) return NONE;
                for (int k = f; k < f + 3; k++) millis = millis * 10 + (k < i ? b[k] - '0' : 0);
            }
        }
        int offset = 0;
        if (i < to && (b[i] == 'Z' || b[i] == 'z')) {
            i++;
        } else if (i < to && (b[i] == '+' || b[i] == '-')) {
            int oh = to - i == 6 && b[i + 3] == ':' ? digits(b, i + 1, 2) : -1, om = oh < 0 ? -1 : digits(b, i + 4, 2);
            if (oh < 0 || om < 0 || om > 59 || oh > 18 || oh == 18 && om > 0) return NONE;
            offset = (oh * 3600 + om * 60) * (b[i] == '-' ? -1 : 1);
            i += 6;
        }
        if (i != to) return NONE;
        return ((day * 86_400 + hh * 3600 + mm * 60 + ss) - offset) * 1000 + millis;
    }

    /** The non-negative number of {@code count} ASCII digits at {@code b[at]}, or -1. */
    private static int digits(byte[] b, int at, int count) {
        int v = 0;
        for (int i = at; i < at + count; i++) {
            int d = b[i] - '0';
            if (d < 0 || d > 9) return -1;
            v = v * 10 + d;
        }
        return v;
    }

    private static String text(byte[] b, int from, int to) { return new String(b, from, to - from, StandardCharsets.UTF_8); }

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
