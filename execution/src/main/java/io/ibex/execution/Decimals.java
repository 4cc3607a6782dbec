package io.ibex.execution;

import java.math.BigDecimal;

/** Doubles from bars and strategies become exact decimals here, once, at the order edge. */
public final class Decimals {
    private Decimals() {}

    /**
     * The shortest decimal that round-trips {@code v} ({@link BigDecimal#valueOf(double)}), without trailing zeros:
     * 547.0 becomes 547 and 1.0 becomes 1, so files and P&L read as the source wrote them.
     */
    public static BigDecimal of(double v) {
        BigDecimal d = BigDecimal.valueOf(v).stripTrailingZeros();
        return d.scale() < 0 ? d.setScale(0) : d;
    }
}
