package io.ibex.execution.commission;

import io.ibex.framework.domain.Instrument;
import io.ibex.framework.domain.Side;

import java.math.BigDecimal;

/**
 * {@code percent:BPS}: a fixed number of basis points of trade value (1 bp = 0.01%), as crypto venues and many
 * non-US brokers charge. {@code percent:5} on a 10,000 trade costs 5.00.
 */
public record PercentOfValueCommission(BigDecimal basisPoints) implements CommissionModel {
    private static final BigDecimal BASIS_POINTS_PER_UNIT = BigDecimal.valueOf(10_000);

    public PercentOfValueCommission {
        Orders.requireNonNegative(basisPoints, "basisPoints");
    }

    @Override
    public BigDecimal commission(Instrument instrument, Side side, BigDecimal quantity, BigDecimal price) {
        Orders.check(instrument, side, quantity, price);
        return CommissionRounding.round(quantity.multiply(price).multiply(basisPoints)
            .divide(BASIS_POINTS_PER_UNIT));
    }

    @Override public String toString() { return "percent:" + basisPoints.toPlainString(); }
}
