package io.ibex.framework.domain;

import java.math.BigDecimal;

/** How every CSV ibex writes (backtest and live) spells an exact decimal, so the two files compare byte for byte. */
public final class DecimalText {
    private DecimalText() {}

    /** Exact decimal text without trailing zeros (commissions carry 8 decimals; 0.00000000 is written 0); null is empty. */
    public static String plain(BigDecimal v) {
        if (v == null) return "";
        if (v.signum() == 0) return "0";
        BigDecimal s = v.stripTrailingZeros();
        return (s.scale() < 0 ? s.setScale(0) : s).toPlainString();
    }
}
