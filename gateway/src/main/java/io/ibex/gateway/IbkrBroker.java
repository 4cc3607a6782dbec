package io.ibex.gateway;

import io.ibex.framework.domain.ClientOrderId;
import io.ibex.framework.domain.Fill;
import io.ibex.framework.domain.Instrument;
import io.ibex.framework.domain.OrderRequest;
import io.ibex.framework.domain.OrderType;
import io.ibex.framework.domain.Position;
import io.ibex.framework.error.BrokerException;
import io.ibex.framework.event.OrderEvent;
import io.ibex.framework.port.Broker;
import io.ibex.framework.port.OrderEventSink;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * {@link Broker} on the IBKR gateway. The cOID is {@code request.id()}; placement walks the question chain with an
 * allow-list policy; an ambiguous outcome throws {@link OrderOutcomeUnknownException} and is never resent (resolve
 * it with {@link #lookupByCoid}). Fills and cancels arrive through {@link #poll()}, deduplicated by execution id.
 * The write-ahead journal is the order router's job (live-runner issue); this class is journal-agnostic.
 */
public final class IbkrBroker implements Broker {
    private static final Logger log = LoggerFactory.getLogger(IbkrBroker.class);

    private final GatewayClient client;
    private final AccountId account;
    private final OrderEventSink sink;
    private final GatewayClock clock;
    private final QuestionPolicy policy;
    private final Map<ClientOrderId, OrderRequest> requests = new ConcurrentHashMap<>();
    private final Map<ClientOrderId, String> brokerIds = new ConcurrentHashMap<>();
    private final Map<ClientOrderId, BigDecimal> filled = new ConcurrentHashMap<>();
    private final Set<String> seenExecutions = ConcurrentHashMap.newKeySet();
    private final Set<ClientOrderId> finished = ConcurrentHashMap.newKeySet();

    public IbkrBroker(GatewayClient client, AccountId account, OrderEventSink sink, GatewayClock clock, QuestionPolicy policy) {
        this.client = client;
        this.account = account;
        this.sink = sink;
        this.clock = clock;
        this.policy = policy;
    }

    @Override
    public void submit(OrderRequest request) {
        ClientOrderId id = request.id();
        if (requests.putIfAbsent(id, request) != null) {
            log.warn("order {} was already submitted; not sending it again", id);
            return;
        }
        long conid;
        try {
            conid = client.resolveConid(request.instrument().symbol());
        } catch (RuntimeException e) {
            requests.remove(id); // nothing was sent
            throw e;
        }
        OrderTicket ticket = ticket(request, conid);
        sink.accept(new OrderEvent.Submitted(id, now()));
        PlaceOrderReply reply;
        try {
            reply = client.placeOrder(ticket, policy); // OrderOutcomeUnknownException propagates: never resent
        } catch (RateLimitedException | GatewayRequestException refused) {
            reply = new PlaceOrderReply.Rejected(refused.getMessage()); // definitely not placed
        }
        switch (reply) {
            case PlaceOrderReply.Placed placed -> accepted(id, placed.orderId(), placed.status());
            case PlaceOrderReply.Rejected rejected when rejected.duplicateClientOrderId() -> {
                OrderLookup found = lookupByCoid(id).orElseThrow(() -> new OrderOutcomeUnknownException(id,
                    new BrokerException("the gateway says cOID " + id + " is already registered but it is in neither live orders nor trades")));
                accepted(id, found.brokerOrderId(), found.status());
            }
            case PlaceOrderReply.Rejected rejected -> {
                finished.add(id);
                log.info("order {} {} {} {} -> rejected: {}", id, request.side(), request.quantity(), request.instrument(), rejected.reason());
                sink.accept(new OrderEvent.Rejected(id, now(), rejected.reason()));
            }
            case PlaceOrderReply.NeedsConfirmation q ->
                throw new IllegalStateException("question chain returned an open question " + q.messageIds());
        }
    }

    private void accepted(ClientOrderId id, String brokerOrderId, String status) {
        brokerIds.put(id, brokerOrderId);
        log.info("order {} accepted as {} ({})", id, brokerOrderId, status);
        sink.accept(new OrderEvent.Accepted(id, now(), brokerOrderId));
    }

    @Override
    public void cancel(ClientOrderId orderId) {
        OrderRequest known = requests.get(orderId);
        if (known != null && (finished.contains(orderId)
                || filled.getOrDefault(orderId, BigDecimal.ZERO).compareTo(known.quantity()) >= 0)) {
            log.info("order {} is already finished; nothing to cancel", orderId); // as the simulated broker (BrokerContract)
            return;
        }
        String brokerId = brokerIds.get(orderId);
        if (brokerId == null || brokerId.isEmpty())
            brokerId = lookupByCoid(orderId).map(OrderLookup::brokerOrderId).filter(s -> !s.isEmpty())
                .orElseThrow(() -> new BrokerException("cannot cancel order " + orderId + ": no working order with this cOID"
                    + " at the gateway (ibex orders lists them)"));
        CancelReply reply = client.cancel(account, brokerId);
        if (!reply.acknowledged())
            throw new BrokerException("cancel of order " + orderId + " (IBKR id " + brokerId + ") refused: " + reply.message());
        log.info("order {} cancel requested ({})", orderId, reply.message());
    }

    @Override
    public List<OrderRequest> openOrders() {
        List<OrderRequest> open = new ArrayList<>();
        for (LiveOrder o : client.liveOrders()) {
            if (!o.isWorking() || o.orderRef().isEmpty()) continue;
            OrderRequest r = requests.get(new ClientOrderId(o.orderRef()));
            if (r != null) open.add(r);
        }
        return open;
    }

    @Override
    public List<Position> positions() {
        List<Position> out = new ArrayList<>();
        for (PortfolioPosition p : client.positions(account)) {
            if (p.position().signum() == 0) continue;
            String currency = p.currency().isBlank() ? "USD" : p.currency();
            out.add(new Position(new Instrument(p.description(), currency), p.position(),
                p.avgPrice() == null ? BigDecimal.ZERO : p.avgPrice()));
        }
        return out;
    }

    /**
     * Finds an order by cOID: live orders first (after a cache refresh), then the executions of the last 7 days.
     * Empty means "not found now", which is evidence only after repeated looks spread over time.
     */
    public Optional<OrderLookup> lookupByCoid(ClientOrderId coid) {
        for (LiveOrder o : client.refreshLiveOrders())
            if (o.orderRef().equals(coid.value()))
                return Optional.of(new OrderLookup(o.orderId(), o.status(), o.filledQuantity()));
        BigDecimal qty = BigDecimal.ZERO;
        boolean any = false;
        for (Trade t : client.trades(7)) {
            if (t.orderRef().equals(coid.value())) {
                qty = qty.add(t.size());
                any = true;
            }
        }
        return any ? Optional.of(new OrderLookup("", "Filled", qty)) : Optional.empty();
    }

    /** Reads today's executions and the live orders, and emits Filled / Cancelled / Rejected events not seen before. */
    public void poll() {
        for (Trade t : client.trades(1)) {
            if (t.orderRef().isEmpty()) continue;
            ClientOrderId id = new ClientOrderId(t.orderRef());
            OrderRequest r = requests.get(id);
            if (r == null || !seenExecutions.add(t.executionId())) continue;
            BigDecimal cum = filled.merge(id, t.size(), BigDecimal::add);
            Fill fill = new Fill(t.executionId(), id, r.instrument(), t.side(), t.size(), t.price(), t.commission(), t.timeMillis());
            log.info("order {} filled {} @ {}", id, t.size(), t.price());
            sink.accept(new OrderEvent.Filled(id, t.timeMillis(), fill, r.quantity().subtract(cum).max(BigDecimal.ZERO)));
        }
        for (LiveOrder o : client.liveOrders()) {
            if (o.orderRef().isEmpty()) continue;
            ClientOrderId id = new ClientOrderId(o.orderRef());
            if (!requests.containsKey(id) || finished.contains(id)) continue;
            if (o.status().equals("Cancelled") && finished.add(id)) sink.accept(new OrderEvent.Cancelled(id, now(), "cancelled at IBKR"));
            else if (o.status().equals("Inactive") && finished.add(id)) sink.accept(new OrderEvent.Rejected(id, now(), "IBKR shows the order Inactive"));
        }
    }

    static OrderTicket ticket(OrderRequest r, long conid, String accountId) {
        BigDecimal price = switch (r.type()) {
            case MKT -> null;
            case LMT, STOP_LIMIT -> r.limitPrice();
            case STP -> r.stopPrice();
        };
        BigDecimal aux = r.type() == OrderType.STOP_LIMIT ? r.stopPrice() : null;
        return new OrderTicket(accountId, conid, r.side(), r.quantity(), r.type(), price, aux, r.tif(), r.id().value(), false);
    }

    private OrderTicket ticket(OrderRequest r, long conid) { return ticket(r, conid, account.value()); }

    private long now() { return clock.now().toEpochMilli(); }

}
