package io.ibex.framework.port;

import io.ibex.framework.event.OrderEvent;

/** Receives order events from a {@link Broker}. */
@FunctionalInterface
public interface OrderEventSink {
    void accept(OrderEvent event);
}
