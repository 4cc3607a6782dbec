package io.ibex.data;

import java.math.BigDecimal;

/** Prices as 8-decimal fixed point ({@code raw = value x 10^8}), the bar store's exact representation. */
final class PriceScale {
    static final int SCALE = 8;
    private static final double FACTOR = 1e8;

    private PriceScale() {}

    /**
     * The raw value of a price, or an exception when the double does not stand for a decimal with at most 8
     * decimals. The fast path is exact: it only accepts {@code r} when {@code r / 1e8} gives back the same double,
     * which is precisely what {@link #toDouble} does on load.
     */
    static long toRaw(double price) {
        double scaled = price * FACTOR;
        if (Math.abs(scaled) < 0x1p52) {
            long r = Math.round(scaled);
            if (r / FACTOR == price) return r;
        }
        long r;
        try {
            r = BigDecimal.valueOf(price).movePointRight(SCALE).longValueExact();
        } catch (ArithmeticException e) {
            r = Long.MIN_VALUE;
        }
        if (r == Long.MIN_VALUE || r / FACTOR != price)
            throw new ArithmeticException("price " + price + " has more than " + SCALE
                + " decimals or too many digits to be stored exactly");
        return r;
    }

    static double toDouble(long raw) { return raw / FACTOR; }
}
