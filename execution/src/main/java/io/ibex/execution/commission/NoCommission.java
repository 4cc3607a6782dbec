package io.ibex.execution.commission;

import io.ibex.framework.domain.Instrument;
import io.ibex.framework.domain.Side;

import java.math.BigDecimal;

/** {@code none}: free trading, the default that reproduces Ta4j's BarSeriesManager. */
public enum NoCommission implements CommissionModel {
    INSTANCE;

    private static final BigDecimal ZERO = CommissionRounding.round(BigDecimal.ZERO);

    @Override
    public BigDecimal commission(Instrument instrument, Side side, BigDecimal quantity, BigDecimal price) {
        Orders.check(instrument, side, quantity, price);
        return ZERO;
    }

    @Override public String toString() { return "none"; }
}
