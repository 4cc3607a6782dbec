package io.ibex.live.runner;

import io.ibex.framework.domain.ClientOrderId;
import io.ibex.framework.domain.Fill;
import io.ibex.framework.domain.Instrument;
import io.ibex.framework.domain.OrderType;
import io.ibex.framework.domain.Side;
import io.ibex.framework.domain.TimeInForce;
import io.ibex.framework.event.OrderEvent;
import io.ibex.framework.event.OrderStatus;
import io.ibex.framework.strategy.Sizing;
import io.ibex.framework.strategy.StrategyContext;
import io.ibex.live.journal.IntentDraft;
import io.ibex.live.journal.JournalIntent;
import io.ibex.live.journal.OrderJournal;
import io.ibex.live.market.StalenessGuard;
import io.ibex.live.risk.OrderCheck;

import java.math.BigDecimal;
import java.math.MathContext;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The strategy's view of a live run. Every order goes through the {@link OrderRouter} (risk, journal, gateway) and
 * carries the strategy's name, version and JAR SHA-256 into the journal. Position and cash come from the journal's
 * fills, so they are exactly what was recorded. Sizing is the backtest's ({@code --quantity} or {@code --percent-equity}
 * of this context's equity: the starting cash plus what the journal's fills made of it).
 * What happens to orders is queued as {@link OrderEvent}s in the backtest's order (submitted, accepted or rejected,
 * filled, cancelled) and reaches the strategy only when the runner drains the queue, never inside {@code onBar}.
 */
public final class LiveContext implements StrategyContext {
    /** Who is trading: stamped on every intent row (S7). */
    public record StrategyStamp(String name, String version, String sha256) {}

    private final OrderJournal journal;
    private final OrderRouter router;
    private final ExposureBook exposure;
    private final StalenessGuard guard;
    private final OrderGateway gateway;
    private final StrategyStamp stamp;
    private final Sizing sizing;
    private final BigDecimal initialCash;
    private final Map<Instrument, Double> lastClose = new HashMap<>();
    private final List<OrderLogRow> log = new ArrayList<>();
    private final List<OrderEvent> pending = new ArrayList<>();
    private final Map<ClientOrderId, Instrument> instrumentOf = new HashMap<>();   // also ids the journal never saw (denied)
    private long now;
    private long denied;

    public LiveContext(OrderJournal journal, OrderRouter router, ExposureBook exposure, StalenessGuard guard, OrderGateway gateway,
                       StrategyStamp stamp, Sizing sizing, BigDecimal initialCash) {
        this.journal = journal;
        this.router = router;
        this.exposure = exposure;
        this.guard = guard;
        this.gateway = gateway;
        this.stamp = stamp;
        this.sizing = java.util.Objects.requireNonNull(sizing, "sizing");
        this.initialCash = initialCash;
    }

    void moveTo(Instrument instrument, long barTime, double close) {
        now = barTime;
        mark(instrument, close);
    }

    /** Values {@code instrument} at {@code price} in {@link #equity()} from now on. */
    void mark(Instrument instrument, double price) { lastClose.put(instrument, price); }

    void logFill(Fill f) {
        JournalIntent i = journal.find(f.orderId()).orElseThrow();
        log.add(new OrderLogRow(f.timeMillis(), f.orderId(), "filled", f.side(), f.quantity(), i.draft().type(), f.price(),
            f.commission(), "", f.instrument()));
        pending.add(new OrderEvent.Filled(f.orderId(), f.timeMillis(), f, i.remainingQuantity()));
    }

    void logCancelled(JournalIntent i, String note) {
        log.add(new OrderLogRow(now, i.id(), "cancelled", i.draft().side(), i.draft().quantity(), i.draft().type(),
            i.draft().limitPrice(), null, note, i.draft().instrument()));
        pending.add(new OrderEvent.Cancelled(i.id(), now, note));
    }

    /** The instrument of an order this context placed or the journal holds; null if unknown. */
    Instrument instrumentOf(ClientOrderId id) {
        Instrument in = instrumentOf.get(id);
        return in != null ? in : journal.find(id).map(i -> i.draft().instrument()).orElse(null);
    }

    /** The events queued since the last call, oldest first; the queue is then empty. */
    List<OrderEvent> drainEvents() {
        List<OrderEvent> out = List.copyOf(pending);
        pending.clear();
        return out;
    }

    public List<OrderLogRow> orderLog() { return List.copyOf(log); }

    @Override public long now() { return now; }

    @Override public double position(Instrument instrument) { return exposure.position(instrument).doubleValue(); }

    BigDecimal cashDecimal() {
        BigDecimal cash = initialCash;
        for (Fill f : journal.fills()) cash = cash.subtract(f.signedQuantity().multiply(f.price())).subtract(f.commission());
        return cash;
    }

    @Override public double cash() { return cashDecimal().doubleValue(); }

    BigDecimal equityDecimal() {
        BigDecimal e = cashDecimal();
        for (Map.Entry<Instrument, Double> c : lastClose.entrySet())
            e = e.add(exposure.position(c.getKey()).multiply(BigDecimal.valueOf(c.getValue()), MathContext.DECIMAL64));
        return e;
    }

    @Override public double equity() { return equityDecimal().doubleValue(); }

    @Override public double sizeFor(Instrument instrument, double price) { return sizing.sizeFor(price, equity()); }

    @Override
    public ClientOrderId submit(Instrument instrument, Side side, double qty, OrderType type, double limitPrice, double stopPrice,
                                TimeInForce tif) {
        OrderCheck check = new OrderCheck(instrument, side, qty, type, limitPrice, stopPrice);
        RouteResult r = router.place(check, q -> new IntentDraft(stamp.name(), stamp.version(), stamp.sha256(), instrument, side,
            q.stripTrailingZeros(), type, decimal(limitPrice), decimal(stopPrice), tif), guard.view(instrument), equityDecimal());
        ClientOrderId placed = switch (r) {
            case RouteResult.Denied d -> {
                ClientOrderId id = new ClientOrderId("denied-" + ++denied);
                log.add(row(check, id, "rejected", d.denial().toString()));
                pending.add(new OrderEvent.Rejected(id, now, d.denial().toString()));
                yield id;
            }
            case RouteResult.Shadowed s -> {
                log.add(row(check, s.id(), "submitted", "shadow: not sent"));
                pending.add(new OrderEvent.Submitted(s.id(), now));
                pending.add(new OrderEvent.Cancelled(s.id(), now, "shadow: not sent"));
                yield s.id();
            }
            case RouteResult.Routed routed -> {
                log.add(row(check, routed.id(), "submitted", ""));
                pending.add(new OrderEvent.Submitted(routed.id(), now));
                if (routed.status() == OrderStatus.REJECTED) {
                    log.add(row(check, routed.id(), "rejected", "broker rejected"));
                    pending.add(new OrderEvent.Rejected(routed.id(), now, "broker rejected"));
                } else {
                    JournalIntent i = journal.find(routed.id()).orElseThrow();
                    pending.add(new OrderEvent.Accepted(routed.id(), now, i.brokerOrderId()));
                }
                yield routed.id();
            }
        };
        instrumentOf.put(placed, instrument);
        return placed;
    }

    /** A row for an order that has not filled: its time is now, it has no commission. */
    private OrderLogRow row(OrderCheck c, ClientOrderId id, String event, String note) {
        BigDecimal q = Double.isFinite(c.quantity()) ? BigDecimal.valueOf(c.quantity()).stripTrailingZeros() : BigDecimal.ZERO;
        return new OrderLogRow(now, id, event, c.side(), q, c.type(), decimal(c.limitPrice()), null, note, c.instrument());
    }

    private static BigDecimal decimal(double price) { return Double.isFinite(price) ? BigDecimal.valueOf(price).stripTrailingZeros() : null; }

    @Override public void cancel(ClientOrderId id) {
        journal.find(id).ifPresent(i -> {
            if (!i.status().isTerminal() && i.brokerOrderId() != null) {
                journal.setStatus(id, OrderStatus.PENDING_CANCEL, null, "cancel requested by strategy");
                gateway.cancel(i.brokerOrderId());
            }
        });
    }

    @Override public boolean isWorking(ClientOrderId id) {
        return journal.find(id).map(i -> !i.status().isTerminal() && i.status() != OrderStatus.NEW).orElse(false);
    }
}
