package io.ibex.backtest;

import io.ibex.framework.domain.ClientOrderId;
import io.ibex.framework.domain.Instrument;
import io.ibex.framework.domain.OrderType;
import io.ibex.framework.domain.Side;

import java.math.BigDecimal;
import java.util.Objects;

/**
 * One row of orders.csv: an order event with the time of the bar it happened on.
 *
 * @param event "submitted", "filled", "cancelled" or "rejected"
 * @param price the fill price for fills, else the order's limit (or stop) price, else null
 * @param note  why an order was cancelled or rejected, else empty
 * @param instrument what the order trades (orders.csv writes it only for a portfolio run), or null when not recorded
 * @param parentId   the bracket entry of a bracket's take-profit or stop-loss leg, else null (the report names a
 *                   trade's exit reason from it)
 */
public record OrderLogEntry(long timeMillis, ClientOrderId orderId, String event, Side side, BigDecimal quantity,
                            OrderType type, BigDecimal price, BigDecimal commission, String note, Instrument instrument,
                            ClientOrderId parentId) {
    public OrderLogEntry(long timeMillis, ClientOrderId orderId, String event, Side side, BigDecimal quantity,
                         OrderType type, BigDecimal price, BigDecimal commission, String note, Instrument instrument) {
        this(timeMillis, orderId, event, side, quantity, type, price, commission, note, instrument, null);
    }

    public OrderLogEntry(long timeMillis, ClientOrderId orderId, String event, Side side, BigDecimal quantity,
                         OrderType type, BigDecimal price, BigDecimal commission, String note) {
        this(timeMillis, orderId, event, side, quantity, type, price, commission, note, null);
    }

    public OrderLogEntry {
        Objects.requireNonNull(orderId, "orderId");
        Objects.requireNonNull(event, "event");
        Objects.requireNonNull(side, "side");
        Objects.requireNonNull(quantity, "quantity");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(note, "note");
    }
}
