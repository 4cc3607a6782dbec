package io.ibex.gateway;

/**
 * The one tolerant parser for snapshot field strings. {@code "1,300"} is 1300; {@code "C168.42"} is a
 * {@link FieldValue.PriorClose}; {@code "H"}/{@code "H12.5"} is {@link FieldValue.Halted}; {@code K}/{@code M}/{@code B}
 * suffixes count only on volume fields. Anything else that is not a plain decimal (NaN, 1e5, hex, junk) is absent:
 * this method returns null and never throws.
 */
public final class SnapshotFields {
    public static final int LAST = 31;
    public static final int BID = 84;
    public static final int ASK = 86;
    public static final int ASK_SIZE = 85;
    public static final int BID_SIZE = 88;
    public static final int LAST_SIZE = 7059;
    public static final int VOLUME = 87;
    public static final int VOLUME_LONG = 7762;
    public static final int AVG_VOLUME = 7282;
    public static final int SYMBOL = 55;
    public static final int AVAILABILITY = 6509;
    public static final int COMPANY = 7051;
    public static final int LISTING_EXCHANGE = 7221;
    public static final int MARKER = 6119;
    public static final int CHANGE = 82;
    public static final int CHANGE_PCT = 83;

    private SnapshotFields() {}

    /** Fields whose values are text, kept verbatim. */
    public static boolean isText(int field) {
        return field == SYMBOL || field == AVAILABILITY || field == COMPANY || field == LISTING_EXCHANGE
            || field == MARKER || field == 6004 || field == 6070 || field == 7094 || field == 7219 || field == 7220;
    }

    public static boolean isVolume(int field) {
        return field == VOLUME || field == VOLUME_LONG || field == AVG_VOLUME;
    }

    /** Parses one numeric field; null when the string holds no usable number. */
    public static FieldValue parse(int field, CharSequence raw) {
        if (raw == null) return null;
        int start = 0;
        int end = raw.length();
        while (start < end && raw.charAt(start) <= ' ') start++;
        while (end > start && raw.charAt(end - 1) <= ' ') end--;
        if (start == end) return null;
        char first = raw.charAt(start);
        if (first == 'H' || first == 'h') {
            double v = number(raw, start + 1, end, false);
            return new FieldValue.Halted(Double.isNaN(v) ? java.util.OptionalDouble.empty() : java.util.OptionalDouble.of(v));
        }
        if (first == 'C' || first == 'c') {
            double v = number(raw, start + 1, end, false);
            return Double.isNaN(v) ? null : new FieldValue.PriorClose(v);
        }
        double v = number(raw, start, end, isVolume(field));
        return Double.isNaN(v) ? null : new FieldValue.Live(v);
    }

    /**
     * A strict decimal: optional sign, digits with optional thousands commas, optional fraction, and (if allowed)
     * one K/M/B suffix. Returns NaN (internal only, never escapes this class) when the text is not such a number.
     */
    static double number(CharSequence s, int start, int end, boolean allowSuffix) {
        if (start >= end) return Double.NaN;
        double multiplier = 1;
        char last = s.charAt(end - 1);
        if (allowSuffix && (last == 'K' || last == 'k' || last == 'M' || last == 'm' || last == 'B' || last == 'b')) {
            multiplier = (last == 'K' || last == 'k') ? 1e3 : (last == 'M' || last == 'm') ? 1e6 : 1e9;
            end--;
        }
        int i = start;
        boolean negative = false;
        if (i < end && (s.charAt(i) == '-' || s.charAt(i) == '+')) {
            negative = s.charAt(i) == '-';
            i++;
        }
        long mantissa = 0;
        int digits = 0;
        int scale = 0;
        boolean dot = false;
        for (; i < end; i++) {
            char c = s.charAt(i);
            if (c >= '0' && c <= '9') {
                if (digits >= 15) return slow(s, start, end, multiplier); // beyond exact double arithmetic
                mantissa = mantissa * 10 + (c - '0');
                digits++;
                if (dot) scale++;
            } else if (c == ',' && !dot && digits > 0) {
                // thousands separator
            } else if (c == '.' && !dot) {
                dot = true;
            } else {
                return Double.NaN;
            }
        }
        if (digits == 0) return Double.NaN;
        double v = scale == 0 ? mantissa : mantissa / POW10[scale];
        v *= multiplier;
        return negative ? -v : v;
    }

    private static final double[] POW10 = new double[19];
    static {
        double p = 1;
        for (int i = 0; i < POW10.length; i++) { POW10[i] = p; p *= 10; }
    }

    private static double slow(CharSequence s, int start, int end, double multiplier) {
        for (int i = start; i < end; i++) {
            char c = s.charAt(i);
            boolean ok = (c >= '0' && c <= '9') || c == ',' || c == '.' || (i == start && (c == '-' || c == '+'));
            if (!ok) return Double.NaN;
        }
        try {
            double v = new java.math.BigDecimal(s.subSequence(start, end).toString().replace(",", "")).doubleValue() * multiplier;
            return Double.isFinite(v) ? v : Double.NaN;
        } catch (NumberFormatException e) {
            return Double.NaN;
        }
    }
}
