package io.ibex.framework.event;

import io.ibex.framework.domain.ClientOrderId;

/** What happened to an order. Backtest and live emit the same events. */
public sealed interface OrderEvent
        permits OrderEvent.Submitted, OrderEvent.Accepted, OrderEvent.Rejected, OrderEvent.Filled, OrderEvent.Cancelled {
    ClientOrderId orderId();
    long timeMillis();

    record Submitted(ClientOrderId orderId, long timeMillis) implements OrderEvent {}
    record Accepted(ClientOrderId orderId, long timeMillis, String brokerOrderId) implements OrderEvent {}
    record Rejected(ClientOrderId orderId, long timeMillis, String reason) implements OrderEvent {}
    record Filled(ClientOrderId orderId, long timeMillis, io.ibex.framework.domain.Fill fill,
                  java.math.BigDecimal leavesQuantity) implements OrderEvent {}
    record Cancelled(ClientOrderId orderId, long timeMillis, String reason) implements OrderEvent {}
}
