package io.ibex.execution;

import io.ibex.execution.commission.CommissionLedger;
import io.ibex.execution.commission.CommissionModel;
import io.ibex.framework.domain.OrderRequest;
import io.ibex.framework.domain.Side;

import java.math.BigDecimal;

/**
 * The buying-power rule: without {@code --margin}, a buy that opens or adds to a long position is cut to what the
 * cash pays for, its commission included; with it, cash may go negative. Sells and covers are never cut.
 */
final class BuyingPower {
    private final boolean margin;
    private final Ledger ledger;
    private final CommissionModel commissionModel;
    private final CommissionLedger commission;

    BuyingPower(boolean margin, Ledger ledger, CommissionModel commissionModel, CommissionLedger commission) {
        this.margin = margin;
        this.ledger = ledger;
        this.commissionModel = commissionModel;
        this.commission = commission;
    }

    /** Without margin: how much of a buy that opens or adds to a position cash pays for, fee included. */
    BigDecimal affordable(OrderRequest r, BigDecimal quantity, BigDecimal price) {
        if (margin || r.side() != Side.BUY || ledger.quantity().signum() < 0 || price.signum() == 0) return quantity;
        BigDecimal cash = ledger.cash();
        if (cash.compareTo(quantity.multiply(price).add(fee(r, quantity, price))) >= 0) return quantity;
        boolean whole = quantity.stripTrailingZeros().scale() <= 0;
        BigDecimal q = cash.max(BigDecimal.ZERO).divide(price, whole ? 0 : 8, java.math.RoundingMode.DOWN).min(quantity);
        BigDecimal step = whole ? BigDecimal.ONE : new BigDecimal("0.00000001");
        while (q.signum() > 0 && cash.compareTo(q.multiply(price).add(fee(r, q, price))) < 0) {
            BigDecimal shortBy = q.multiply(price).add(fee(r, q, price)).subtract(cash);
            BigDecimal less = shortBy.divide(price, whole ? 0 : 8, java.math.RoundingMode.UP).max(step);
            q = q.subtract(less).max(BigDecimal.ZERO);
        }
        return q;
    }

    private BigDecimal fee(OrderRequest r, BigDecimal quantity, BigDecimal price) {
        return commissionModel.commission(r.instrument(), r.side(), quantity, price, commission.monthToDateVolume());
    }
}
