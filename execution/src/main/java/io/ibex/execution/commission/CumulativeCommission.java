package io.ibex.execution.commission;

import io.ibex.framework.domain.Instrument;
import io.ibex.framework.domain.Side;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.util.Objects;

/**
 * The per-order rule for partial fills (reliability §4.3 C4): a fill is charged {@code f(cum after) - f(cum before)},
 * where f is the order's {@link CommissionModel} applied to the order's cumulative quantity at its volume-weighted
 * average price. The charges therefore telescope: whatever the split, the fills of one order add up to exactly
 * {@code f(total)}, so the minimum is paid once per order and never once per fill.
 *
 * <p>With fills at different prices the average price is {@code cumNotional / cumQuantity}, rounded to 16
 * significant digits (HALF_EVEN); with a single price it is exact.
 */
public final class CumulativeCommission {
    private static final MathContext AVERAGE_PRICE = new MathContext(16, RoundingMode.HALF_EVEN);

    private CumulativeCommission() {}

    /**
     * The charge for one fill of an order.
     *
     * @param quantityBefore    order quantity filled before this fill (0 for the first fill)
     * @param notionalBefore    sum of quantity x price of those earlier fills
     * @param monthVolumeBefore account's month-to-date share volume before the order's first fill (volume tiers)
     */
    public static BigDecimal forFill(CommissionModel model, Instrument instrument, Side side,
                                     BigDecimal quantityBefore, BigDecimal notionalBefore,
                                     BigDecimal fillQuantity, BigDecimal fillPrice, BigDecimal monthVolumeBefore) {
        Objects.requireNonNull(model, "model");
        Orders.requireNonNegative(quantityBefore, "quantityBefore");
        Orders.requireNonNegative(notionalBefore, "notionalBefore");
        Orders.check(instrument, side, fillQuantity, fillPrice);
        BigDecimal quantityAfter = quantityBefore.add(fillQuantity);
        BigDecimal after = model.commission(instrument, side, quantityAfter,
            averagePrice(quantityAfter, notionalBefore.add(fillQuantity.multiply(fillPrice))), monthVolumeBefore);
        if (quantityBefore.signum() == 0) return after;
        BigDecimal before = model.commission(instrument, side, quantityBefore,
            averagePrice(quantityBefore, notionalBefore), monthVolumeBefore);
        return after.subtract(before);
    }

    static BigDecimal averagePrice(BigDecimal quantity, BigDecimal notional) {
        return notional.divide(quantity, AVERAGE_PRICE);
    }
}
