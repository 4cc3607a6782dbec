package io.ibex.execution.commission;

import io.ibex.framework.domain.Instrument;
import io.ibex.framework.domain.Side;

import java.math.BigDecimal;

/**
 * {@code per-share}: {@code min(max(rate·shares, minimum), maxFractionOfValue·shares·price)}. The cap wins over the
 * minimum, as on IBKR's schedule (a 1,000-share order at USD 0.25 pays 2.50, not 5.00).
 *
 * @param ratePerShare       charge per share, e.g. 0.005
 * @param minimumPerOrder    floor per order, e.g. 1.00 (0 for none)
 * @param maxFractionOfValue cap as a fraction of trade value, e.g. 0.01 for 1%; 1 means "never more than the trade"
 */
public record PerShareCommission(BigDecimal ratePerShare, BigDecimal minimumPerOrder, BigDecimal maxFractionOfValue)
        implements CommissionModel {

    public PerShareCommission {
        Orders.requireNonNegative(ratePerShare, "ratePerShare");
        Orders.requireNonNegative(minimumPerOrder, "minimumPerOrder");
        Orders.requireNonNegative(maxFractionOfValue, "maxFractionOfValue");
    }

    /** IBKR Pro Fixed, US stocks: USD 0.005/share, min 1.00, max 1% of trade value ({@link IbkrUsStockRates}). */
    public static PerShareCommission ibkrFixed() {
        return new PerShareCommission(IbkrUsStockRates.FIXED_PER_SHARE, IbkrUsStockRates.FIXED_MINIMUM,
            IbkrUsStockRates.MAX_FRACTION_OF_VALUE);
    }

    @Override
    public BigDecimal commission(Instrument instrument, Side side, BigDecimal quantity, BigDecimal price) {
        Orders.check(instrument, side, quantity, price);
        return CommissionRounding.round(capped(ratePerShare.multiply(quantity), minimumPerOrder,
            maxFractionOfValue.multiply(quantity.multiply(price))));
    }

    /** min(max(raw, minimum), cap): the cap is applied last so it always wins. */
    static BigDecimal capped(BigDecimal raw, BigDecimal minimum, BigDecimal cap) {
        return raw.max(minimum).min(cap);
    }

    @Override public String toString() {
        return "per-share:" + ratePerShare.toPlainString() + ":" + minimumPerOrder.toPlainString() + ":"
            + maxFractionOfValue.toPlainString();
    }
}
