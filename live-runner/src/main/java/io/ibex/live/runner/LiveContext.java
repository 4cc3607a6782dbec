package io.ibex.live.runner;

import io.ibex.framework.domain.ClientOrderId;
import io.ibex.framework.domain.Fill;
import io.ibex.framework.domain.Instrument;
import io.ibex.framework.domain.OrderType;
import io.ibex.framework.domain.Side;
import io.ibex.framework.domain.TimeInForce;
import io.ibex.framework.event.OrderEvent;
import io.ibex.framework.event.OrderStatus;
import io.ibex.framework.strategy.BracketIds;
import io.ibex.framework.strategy.Sizing;
import io.ibex.framework.strategy.StrategyContext;
import io.ibex.live.journal.JournalIntent;
import io.ibex.live.journal.OrderJournal;

import io.ibex.live.market.StalenessGuard;
import io.ibex.live.risk.OrderCheck;

import java.math.BigDecimal;
import java.math.MathContext;
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
    private final EventLog events = new EventLog();
    final Map<ClientOrderId, Instrument> instrumentOf = new HashMap<>();   // also ids the journal never saw (denied)
    private final GroupOrders groups;
    private long now;

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
        this.groups = new GroupOrders(this, journal, router, guard, events, stamp);
    }

    void moveTo(Instrument instrument, long barTime, double close) {
        now = barTime;
        mark(instrument, close);
    }

    /** Values {@code instrument} at {@code price} in {@link #equity()} from now on. */
    void mark(Instrument instrument, double price) { lastClose.put(instrument, price); }

    void logFill(Fill f) { events.filled(f, journal.find(f.orderId()).orElseThrow()); }

    void logCancelled(JournalIntent i, String note) { events.cancelled(i, now, note); }

    /** What the venue did on its own (expiry, OCA cancel, deactivation), at the time it says. */
    void logVenueChange(BrokerStatuses.Change c) {
        if (c.status() == OrderStatus.CANCELLED) events.cancelled(c.intent(), c.timeMillis(), c.note());
        else events.rejectedLater(c.intent(), c.timeMillis(), c.note());
    }

    /** The instrument of an order this context placed or the journal holds; null if unknown. */
    Instrument instrumentOf(ClientOrderId id) {
        Instrument in = instrumentOf.get(id);
        return in != null ? in : journal.find(id).map(i -> i.draft().instrument()).orElse(null);
    }

    /** Sends the OCO groups collected since the last call, then returns the events queued since the last call, oldest first. */
    List<OrderEvent> drainEvents() {
        groups.flushOco();
        return events.drain();
    }

    public List<OrderLogRow> orderLog() { return events.rows(); }

    @Override public long now() { return now; }

    @Override public double position(Instrument instrument) { return exposure.position(instrument).doubleValue(); }

    BigDecimal cashDecimal() { return initialCash.add(journal.cashFlow()); }

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
        return groups.place(List.of(new GroupOrders.Leg(new OrderCheck(instrument, side, qty, type, limitPrice, stopPrice), tif)),
            false).get(0);
    }

    @Override
    public BracketIds bracket(Instrument instrument, Side side, double quantity, OrderType entryType, double entryLimit,
                              double entryStop, double takeProfit, double stopLoss, TimeInForce tif) {
        Side exit = side == Side.BUY ? Side.SELL : Side.BUY;
        List<ClientOrderId> ids = groups.place(List.of(
            new GroupOrders.Leg(new OrderCheck(instrument, side, quantity, entryType, entryLimit, entryStop), tif),
            new GroupOrders.Leg(new OrderCheck(instrument, exit, quantity, OrderType.LMT, takeProfit, Double.NaN), TimeInForce.GTC),
            new GroupOrders.Leg(new OrderCheck(instrument, exit, quantity, OrderType.STP, Double.NaN, stopLoss), TimeInForce.GTC)),
            true);
        return new BracketIds(ids.get(0), ids.get(1), ids.get(2));
    }

    @Override
    public ClientOrderId submitOco(String ocoGroup, Instrument instrument, Side side, double quantity, OrderType type,
                                   double limitPrice, double stopPrice, TimeInForce tif) {
        return groups.oco(ocoGroup, new GroupOrders.Leg(new OrderCheck(instrument, side, quantity, type, limitPrice, stopPrice), tif));
    }

    @Override
    public boolean modify(ClientOrderId id, double quantity, double limitPrice, double stopPrice) {
        return groups.modify(id, quantity, limitPrice, stopPrice);
    }

    @Override public void cancel(ClientOrderId id) {
        if (groups.cancelUnsent(id)) return;
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
