package io.ibex.sim;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.util.Locale;

/** The string formats of snapshot fields (§4 "Market data"): grouping commas, K/M volumes, C/H prefixes. */
final class SnapshotFormat {
    private SnapshotFormat() {}

    static String price(double v, int decimals) {
        return BigDecimal.valueOf(v).setScale(decimals, RoundingMode.HALF_EVEN).toPlainString();
    }

    /** US grouping, no decimals: {@code 1300 -> "1,300"}. */
    static String size(double v) {
        DecimalFormat f = new DecimalFormat("#,##0", DecimalFormatSymbols.getInstance(Locale.US));
        return f.format(Math.round(v));
    }

    /** {@code 950}, {@code 45.6K}, {@code 1.23M}. */
    static String compactVolume(double v) {
        if (v < 1_000) return String.valueOf(Math.round(v));
        if (v < 1_000_000) return BigDecimal.valueOf(v / 1_000).setScale(1, RoundingMode.HALF_EVEN).stripTrailingZeros().toPlainString() + "K";
        return BigDecimal.valueOf(v / 1_000_000).setScale(2, RoundingMode.HALF_EVEN).stripTrailingZeros().toPlainString() + "M";
    }

    static String signed(double v, int decimals) { return price(v, decimals); }
}
