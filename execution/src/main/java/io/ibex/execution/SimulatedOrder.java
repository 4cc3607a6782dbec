package io.ibex.execution;

import io.ibex.framework.domain.OrderRequest;
import io.ibex.framework.event.OrderStatus;

/** The simulated broker's mutable book entry for one order. */
final class SimulatedOrder {
    /** Replaced by a modify; id, side, type and instrument never change. */
    OrderRequest request;
    /** Index of the bar on whose close the order was submitted; it can first fill on the bar after. */
    final int submittedIndex;
    OrderStatus status = OrderStatus.NEW;
    /** UTC day (epoch days) of the first bar the order could fill on; a DAY order dies when the day changes. */
    long activeDay = Long.MIN_VALUE;
    /** A STOP_LIMIT whose stop was touched: from now on it works as a plain limit order. */
    boolean triggered;
    /** False for a bracket child until its parent has filled. */
    boolean active = true;
    /** Quantity filled so far (partial fills under a volume cap). */
    java.math.BigDecimal filled = java.math.BigDecimal.ZERO;
    /** Bar on which the volume cap stopped this order; it waits for the next bar. */
    int pausedAt = -1;

    SimulatedOrder(OrderRequest request, int submittedIndex) {
        this.request = request;
        this.submittedIndex = submittedIndex;
    }
}
