package io.ibex.execution.commission;

import io.ibex.framework.domain.Instrument;
import io.ibex.framework.domain.Side;

import java.math.BigDecimal;

/**
 * What one order costs in commission and fees, in the instrument's currency. Implementations are pure functions of
 * their arguments (no hidden state), return a non-negative amount rounded by {@link CommissionRounding}, and treat
 * {@code quantity} as the order's whole filled quantity so far. Partial fills are priced with the cumulative rule in
 * {@link CumulativeCommission}; month-to-date volume and trading days are tracked by {@link CommissionLedger}.
 */
public interface CommissionModel {

    /** Commission for one order of {@code quantity} (> 0) filled at {@code price} (>= 0). */
    BigDecimal commission(Instrument instrument, Side side, BigDecimal quantity, BigDecimal price);

    /**
     * The same charge for an account that has already traded {@code monthVolumeBefore} shares this calendar month.
     * Only volume-tiered schedules ({@code ibkr-tiered}) depend on it; the 4-argument method is this one with 0.
     */
    default BigDecimal commission(Instrument instrument, Side side, BigDecimal quantity, BigDecimal price,
                                  BigDecimal monthVolumeBefore) {
        return commission(instrument, side, quantity, price);
    }
}
