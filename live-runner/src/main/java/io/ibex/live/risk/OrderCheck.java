package io.ibex.live.risk;

import io.ibex.framework.domain.Instrument;
import io.ibex.framework.domain.OrderType;
import io.ibex.framework.domain.Side;

import java.util.Objects;

/**
 * An order as a strategy asked for it, before validation: quantities and prices are the strategy's doubles and may be
 * NaN, negative or absurd; the gate turns those into INVALID_QUANTITY / INVALID_PRICE denials.
 *
 * @param limitPrice NaN unless LMT/STOP_LIMIT
 * @param stopPrice  NaN unless STP/STOP_LIMIT
 */
public record OrderCheck(Instrument instrument, Side side, double quantity, OrderType type, double limitPrice, double stopPrice) {
    public OrderCheck {
        Objects.requireNonNull(instrument, "instrument");
        Objects.requireNonNull(side, "side");
        Objects.requireNonNull(type, "type");
    }

    public static OrderCheck market(Instrument instrument, Side side, double quantity) {
        return new OrderCheck(instrument, side, quantity, OrderType.MKT, Double.NaN, Double.NaN);
    }
}
