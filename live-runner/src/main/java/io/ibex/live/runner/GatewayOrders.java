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
        java.math.BigDecimal price = switch (r.type()) {
            case MKT -> null;
            case LMT, STOP_LIMIT -> r.limitPrice();
            case STP -> r.stopPrice();
        };
        BigDecimal aux = r.type() == io.ibex.framework.domain.OrderType.STOP_LIMIT ? r.stopPrice() : null;
        OrderTicket ticket = new OrderTicket(account.value(), conid, r.side(), r.quantity(), r.type(), price, aux, r.tif(),
            r.id().value(), false);
        PlaceOrderReply reply;
        try {
            reply = client.placeOrder(ticket, policy);
        } catch (OrderOutcomeUnknownException e) {
            if (e.getCause() instanceof io.ibex.gateway.GatewaySessionExpiredException) onUnauthorized.run();
            return new SubmitOutcome.Ambiguous(e.getMessage());
        } catch (RateLimitedException | GatewayRequestException refused) {
            return new SubmitOutcome.Rejected(refused.getMessage());
        }
        return switch (reply) {
            case PlaceOrderReply.Placed p -> new SubmitOutcome.Placed(p.orderId());
            case PlaceOrderReply.Rejected x when x.duplicateClientOrderId() -> new SubmitOutcome.AlreadyRegistered(x.reason());
            case PlaceOrderReply.Rejected x -> new SubmitOutcome.Rejected(x.reason());
            case PlaceOrderReply.NeedsConfirmation q -> new SubmitOutcome.Ambiguous("question chain left open: " + q.messageIds());
        };
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

    @Override public List<BrokerExecution> executions() {
        List<BrokerExecution> out = new ArrayList<>();
        for (Trade t : client.trades(7))
            out.add(new BrokerExecution(t.executionId(), t.orderRef(), instrument(t.conid(), t.symbol()), t.side(), t.size(), t.price(),
                t.commission() == null ? BigDecimal.ZERO : t.commission(), t.timeMillis()));
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
            o.side().orElseThrow(), total, o.filledQuantity(), status(o.status()));
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
