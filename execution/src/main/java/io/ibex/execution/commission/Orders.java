package io.ibex.execution.commission;

import io.ibex.framework.domain.Instrument;
import io.ibex.framework.domain.Side;

import java.math.BigDecimal;
import java.util.Objects;

/** Argument checks shared by the schedules, so every model rejects the same bad input the same way. */
final class Orders {
    private Orders() {}

    static void check(Instrument instrument, Side side, BigDecimal quantity, BigDecimal price) {
        Objects.requireNonNull(instrument, "instrument");
        Objects.requireNonNull(side, "side");
        Objects.requireNonNull(quantity, "quantity");
        Objects.requireNonNull(price, "price");
        if (quantity.signum() <= 0)
            throw new IllegalArgumentException("commission for " + instrument + ": quantity " + quantity.toPlainString()
                + " must be > 0 (pass the filled quantity, not a signed position change)");
        if (price.signum() < 0)
            throw new IllegalArgumentException("commission for " + instrument + ": price " + price.toPlainString()
                + " must be >= 0");
    }

    static BigDecimal requireNonNegative(BigDecimal value, String name) {
        Objects.requireNonNull(value, name);
        if (value.signum() < 0)
            throw new IllegalArgumentException(name + " must be >= 0, got " + value.toPlainString());
        return value;
    }
}
