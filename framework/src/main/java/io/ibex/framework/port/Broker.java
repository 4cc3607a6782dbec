package io.ibex.framework.port;

import io.ibex.framework.domain.ClientOrderId;
import io.ibex.framework.domain.OrderRequest;
import io.ibex.framework.domain.Position;

import java.util.List;

/**
 * Where orders go: the backtest's simulated broker or IBKR through the gateway. Events (acceptance, fills,
 * cancels, rejections) leave through the {@link OrderEventSink} given at construction.
 */
public interface Broker {
    /** Sends an order. Idempotent per {@code request.id()}: a second submit with the same id creates nothing. */
    void submit(OrderRequest request);

    /** Asks to cancel; the cancel is confirmed by an event, never assumed. Unknown ids fail naming the id. */
    void cancel(ClientOrderId orderId);

    /** Orders still working. */
    List<OrderRequest> openOrders();

    /** Current non-flat positions. */
    List<Position> positions();
}
