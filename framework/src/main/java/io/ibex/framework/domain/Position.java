package io.ibex.framework.domain;

import java.math.BigDecimal;
import java.util.Objects;

/** A holding: signed quantity (negative = short) and average entry price. */
public record Position(Instrument instrument, BigDecimal quantity, BigDecimal averagePrice) {
    public Position {
        Objects.requireNonNull(instrument, "instrument");
        Objects.requireNonNull(quantity, "quantity");
        Objects.requireNonNull(averagePrice, "averagePrice");
    }
    public boolean isFlat() { return quantity.signum() == 0; }
}
