package io.ibex.framework.port;

import io.ibex.framework.domain.ClientOrderId;
import io.ibex.framework.event.OrderEvent;

import java.util.ArrayList;
import java.util.List;

/** An {@link OrderEventSink} that keeps every event, for contract tests. */
public final class RecordingSink implements OrderEventSink {
    private final List<OrderEvent> events = new ArrayList<>();

    @Override public synchronized void accept(OrderEvent event) { events.add(event); }

    public synchronized List<OrderEvent> events() { return List.copyOf(events); }

    public synchronized List<OrderEvent> forOrder(ClientOrderId id) {
        List<OrderEvent> out = new ArrayList<>();
        for (OrderEvent e : events) if (e.orderId().equals(id)) out.add(e);
        return out;
    }
}
