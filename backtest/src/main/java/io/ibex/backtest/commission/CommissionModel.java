package io.ibex.backtest.commission;

import io.ibex.framework.domain.Instrument;
import io.ibex.framework.domain.Side;

import java.math.BigDecimal;

/** What one execution costs. Exact decimals in, an exact non-negative amount in the instrument's currency out. */
public interface CommissionModel {
    BigDecimal commission(Instrument instrument, Side side, BigDecimal quantity, BigDecimal price);
}
