package io.ibex.live.runner;

import io.ibex.framework.domain.Instrument;
import io.ibex.framework.domain.OrderRequest;
import io.ibex.framework.domain.Position;
import io.ibex.framework.event.OrderStatus;
import io.ibex.gateway.AccountId;
import io.ibex.gateway.GatewayClient;
import io.ibex.gateway.GatewayRequestException;
import io.ibex.gateway.LiveOrder;
import io.ibex.gateway.OrderOutcomeUnknownException;
import io.ibex.gateway.OrderTicket;
import io.ibex.gateway.PlaceOrderReply;
import io.ibex.gateway.PortfolioPosition;
import io.ibex.gateway.QuestionPolicy;
import io.ibex.gateway.RateLimitedException;
import io.ibex.gateway.Trade;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * {@link OrderGateway} over the Feign {@link GatewayClient}. The client never retries order POSTs; this adapter maps
 * its answers onto {@link SubmitOutcome}: {@link OrderOutcomeUnknownException} (timeout, reset, 5xx, 401, unparsable
 * body) is Ambiguous; a definite refusal (4xx, 429 before sending, an error body, a declined question) is Rejected;
 * "already registered" is proof of an earlier placement.
 */
public final class GatewayOrders implements OrderGateway {
    private final GatewayClient client;
    private final AccountId account;
    private final QuestionPolicy policy;
    private final Map<Long, Instrument> byConid = new ConcurrentHashMap<>();
    private volatile Runnable onUnauthorized = () -> { };

    public GatewayOrders(GatewayClient client, AccountId account, QuestionPolicy policy) {
        this.client = client;
        this.account = account;
        this.policy = policy;
    }

    /** Told when an order POST got 401 (the live loop nudges the session keeper); the outcome stays Ambiguous. */
    public void onUnauthorized(Runnable hook) { this.onUnauthorized = java.util.Objects.requireNonNull(hook, "hook"); }

    @Override public SubmitOutcome submit(OrderRequest r) {
        long conid = client.resolveConid(r.instrument().symbol());   // a failure here happens before anything is sent
        byConid.put(conid, r.instrument());
        return outcomes(() -> client.placeOrder(ticket(r, conid), policy), 1).get(0);
    }

    /**
     * A bracket or OCA group as ONE ticket (ibkr-gateway.md §6.6): a child names its parent's cOID in {@code parentId}
     * and carries none of its own; the legs of an OCA group (no parent) all say {@code isSingleGroup:true}. The reply's
     * order ids, in submission order, are the legs' broker ids.
     */
    @Override public List<SubmitOutcome> submitGroup(List<OrderRequest> legs) {
        long conid = client.resolveConid(legs.get(0).instrument().symbol());
        for (OrderRequest r : legs)
            if (!r.instrument().equals(legs.get(0).instrument()))
                throw new IllegalArgumentException("one ticket trades one instrument; got " + r.instrument() + " and " + legs.get(0).instrument());
        byConid.put(conid, legs.get(0).instrument());
        List<OrderTicket> tickets = new ArrayList<>();
        List<String> parents = new ArrayList<>();
        for (OrderRequest r : legs) {
            tickets.add(ticket(r, conid));
            parents.add(r.parentId() == null ? null : r.parentId().value());
        }
        boolean oca = legs.stream().allMatch(r -> r.ocaGroup() != null && r.parentId() == null);
        return outcomes(() -> client.placeOrders(tickets, parents, oca, policy), legs.size());
    }

    /** Modify resends the whole ticket with the changes (the gateway is strict about missing fields). */
    @Override public SubmitOutcome modify(String brokerOrderId, OrderRequest changed) {
        long conid = client.resolveConid(changed.instrument().symbol());
        return outcomes(() -> client.modifyOrder(brokerOrderId, ticket(changed, conid), policy), 1).get(0);
    }

    private OrderTicket ticket(OrderRequest r, long conid) {
        BigDecimal price = switch (r.type()) {
            case MKT -> null;
            case LMT, STOP_LIMIT -> r.limitPrice();
            case STP -> r.stopPrice();
        };
        BigDecimal aux = r.type() == io.ibex.framework.domain.OrderType.STOP_LIMIT ? r.stopPrice() : null;
        return new OrderTicket(account.value(), conid, r.side(), r.quantity(), r.type(), price, aux, r.tif(), r.id().value(), false);
    }

    /** One outcome per leg from the answer to one POST (and its reply chain). */
    private List<SubmitOutcome> outcomes(java.util.function.Supplier<PlaceOrderReply> post, int legs) {
        PlaceOrderReply reply;
        try {
            reply = post.get();
        } catch (OrderOutcomeUnknownException e) {
            if (e.getCause() instanceof io.ibex.gateway.GatewaySessionExpiredException) onUnauthorized.run();
            return java.util.Collections.nCopies(legs, new SubmitOutcome.Ambiguous(e.getMessage()));
        } catch (RateLimitedException | GatewayRequestException refused) {
            return java.util.Collections.nCopies(legs, new SubmitOutcome.Rejected(refused.getMessage()));
        }
        List<SubmitOutcome> out = new ArrayList<>();
        for (int leg = 0; leg < legs; leg++) {
            int k = leg;
            out.add(switch (reply) {
                case PlaceOrderReply.Placed p when k < p.orderIds().size() -> new SubmitOutcome.Placed(p.orderIds().get(k));
                case PlaceOrderReply.Placed p -> new SubmitOutcome.Ambiguous("the reply named no order id for leg " + (k + 1));
                case PlaceOrderReply.Rejected x when x.duplicateClientOrderId() && k == 0 -> new SubmitOutcome.AlreadyRegistered(x.reason());
                case PlaceOrderReply.Rejected x when x.duplicateClientOrderId() -> new SubmitOutcome.Ambiguous(x.reason());
                case PlaceOrderReply.Rejected x -> new SubmitOutcome.Rejected(x.reason());
                case PlaceOrderReply.NeedsConfirmation q -> new SubmitOutcome.Ambiguous("question chain left open: " + q.messageIds());
            });
        }
        return out;
    }

    @Override public Optional<BrokerOrder> lookup(String coid) {
        for (LiveOrder o : client.refreshLiveOrders())
            if (coid.equals(o.orderRef())) return Optional.of(toBroker(o));
        BigDecimal qty = BigDecimal.ZERO;
        Trade first = null;
        for (Trade t : client.trades(7)) {
            if (!coid.equals(t.orderRef())) continue;
            qty = qty.add(t.size());
            if (first == null) first = t;
        }
        if (first == null) return Optional.empty();
        return Optional.of(new BrokerOrder("", coid, instrument(first.conid(), first.symbol()), first.side(), qty, qty, OrderStatus.FILLED));
    }

    @Override public List<BrokerOrder> liveOrders() {
        List<BrokerOrder> out = new ArrayList<>();
        for (LiveOrder o : client.liveOrders()) if (o.side().isPresent()) out.add(toBroker(o));
        return out;
    }

    @Override public boolean executionsReady() { return client.tradesReady(); }

    @Override public boolean ordersReady() { return client.liveOrdersReady(); }

    @Override public List<BrokerExecution> executions() {
        List<BrokerExecution> out = new ArrayList<>();
        for (Trade t : client.trades(7))
            out.add(new BrokerExecution(t.executionId(), t.orderRef(), instrument(t.conid(), t.symbol()), t.side(), t.size(), t.price(),
                t.commission() == null ? BigDecimal.ZERO : t.commission(), t.timeMillis(), t.orderId().isEmpty() ? null : t.orderId()));
        return out;
    }

    @Override public List<Position> positions() {
        List<Position> out = new ArrayList<>();
        for (PortfolioPosition p : client.positions(account)) {
            if (p.position().signum() == 0) continue;
            out.add(new Position(new Instrument(p.description(), p.currency().isBlank() ? "USD" : p.currency()), p.position(),
                p.avgPrice() == null ? BigDecimal.ZERO : p.avgPrice()));
        }
        return out;
    }

    @Override public void cancel(String brokerOrderId) { client.cancel(account, brokerOrderId); }

    private Instrument instrument(long conid, String symbol) {
        return byConid.getOrDefault(conid, Instrument.of(symbol == null || symbol.isBlank() ? Long.toString(conid) : symbol));
    }

    private BrokerOrder toBroker(LiveOrder o) {
        BigDecimal total = o.totalSize() != null ? o.totalSize()
            : o.filledQuantity().add(o.remainingQuantity() == null ? BigDecimal.ZERO : o.remainingQuantity());
        return new BrokerOrder(o.orderId(), o.orderRef().isEmpty() ? null : o.orderRef(), instrument(o.conid(), o.ticker()),
            o.side().orElseThrow(), total, o.filledQuantity(), status(o.status()), o.lastExecutionMillis().orElse(0));
    }

    /** Gateway status words to our lifecycle; Inactive counts as rejected (ibkr-gateway.md §6.5). */
    static OrderStatus status(String s) {
        return switch (s) {
            case "Filled" -> OrderStatus.FILLED;
            case "Cancelled" -> OrderStatus.CANCELLED;
            case "Inactive" -> OrderStatus.REJECTED;
            case "PendingCancel" -> OrderStatus.PENDING_CANCEL;
            default -> OrderStatus.WORKING;
        };
    }
}
