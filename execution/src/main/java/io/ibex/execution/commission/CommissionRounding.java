package io.ibex.execution.commission;

import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * The one place where commission amounts are rounded: to 8 decimal places (the ledger's Money scale), HALF_EVEN.
 *
 * <p>Why not cents: with cents, the per-order minimum and the 1%-of-trade-value cap cannot both hold exactly for tiny
 * orders (1% of USD 1.50 is 0.015, which has no cent representation), and reliability §4.3 C1/C2 require both. With
 * integer shares and cent prices every IBKR figure is exact at 8 dp, so rounding never moves such an amount; it only
 * trims sub-1e-8 tails from fractional shares or sub-cent prices. Statements may show fewer decimals.
 */
public final class CommissionRounding {
    /** Decimal places of every amount a {@link CommissionModel} returns. */
    public static final int SCALE = 8;
    public static final RoundingMode MODE = RoundingMode.HALF_EVEN;

    private CommissionRounding() {}

    public static BigDecimal round(BigDecimal amount) {
        return amount.setScale(SCALE, MODE);
    }
}
