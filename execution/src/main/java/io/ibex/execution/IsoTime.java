package io.ibex.execution;

import java.time.Instant;

/**
 * Epoch millis as {@link Instant#toString()} writes them ({@code 2013-01-02T14:30:00Z}, {@code .SSS} when the millis
 * are not zero), appended to a builder without the formatter or a String per call: the hot path of equity.csv.
 */
public final class IsoTime {
    /** 0000-01-01T00:00:00Z and 9999-12-31T23:59:59.999Z: outside, Instant adds a sign and more digits. */
    private static final long MIN = -62_167_219_200_000L, MAX = 253_402_300_799_999L;

    private IsoTime() {}

    public static StringBuilder append(StringBuilder b, long millis) {
        if (millis < MIN || millis > MAX) return b.append(Instant.ofEpochMilli(millis));
        long day = Math.floorDiv(millis, 86_400_000L);
        int ms = (int) Math.floorMod(millis, 86_400_000L);
        long z = day + 719_468;                                  // civil from days (H. Hinnant)
        long era = Math.floorDiv(z, 146_097);
        int doe = (int) (z - era * 146_097);
        int yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
        int doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
        int mp = (5 * doy + 2) / 153;
        int d = doy - (153 * mp + 2) / 5 + 1;
        int m = mp < 10 ? mp + 3 : mp - 9;
        int y = (int) (yoe + era * 400) + (m <= 2 ? 1 : 0);
        digits(b, y, 4).append('-');
        digits(b, m, 2).append('-');
        digits(b, d, 2).append('T');
        digits(b, ms / 3_600_000, 2).append(':');
        digits(b, ms / 60_000 % 60, 2).append(':');
        digits(b, ms / 1000 % 60, 2);
        if (ms % 1000 != 0) digits(b.append('.'), ms % 1000, 3);
        return b.append('Z');
    }

    private static StringBuilder digits(StringBuilder b, int v, int width) {
        for (int p = width == 4 ? 1000 : width == 3 ? 100 : 10; p > 0; p /= 10) b.append((char) ('0' + v / p % 10));
        return b;
    }
}
