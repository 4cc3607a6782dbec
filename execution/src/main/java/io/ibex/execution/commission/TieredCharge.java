package io.ibex.execution.commission;

import java.math.BigDecimal;

/**
 * One IBKR Tiered charge split the way an IBKR statement splits it; all parts exact (not yet rounded).
 *
 * @param commission  IBKR's own per-share commission after the minimum and the 1% cap
 * @param exchange    exchange fee
 * @param clearing    NSCC/DTC clearing fee
 * @param passThrough NYSE and FINRA pass-through fees (a fraction of {@code commission})
 * @param regulatory  SEC fee and FINRA TAF (sales only) plus the FINRA CAT fee (both sides)
 */
public record TieredCharge(BigDecimal commission, BigDecimal exchange, BigDecimal clearing, BigDecimal passThrough,
                           BigDecimal regulatory) {

    /** The sum, rounded once by {@link CommissionRounding}. */
    public BigDecimal total() {
        return CommissionRounding.round(commission.add(exchange).add(clearing).add(passThrough).add(regulatory));
    }
}
