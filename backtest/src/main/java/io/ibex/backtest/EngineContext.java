package io.ibex.backtest;

import io.ibex.execution.SimulatedBroker;
import io.ibex.execution.Decimals;
import io.ibex.execution.Ledger;
import io.ibex.framework.strategy.Sizing;
import io.ibex.framework.domain.Bars;
import io.ibex.framework.domain.ClientOrderId;
import io.ibex.framework.domain.Instrument;
import io.ibex.framework.domain.OrderRequest;
import io.ibex.framework.domain.OrderType;
import io.ibex.framework.domain.Side;
import io.ibex.framework.domain.TimeInForce;
import io.ibex.framework.event.OrderEvent;
import io.ibex.framework.port.OrderEventSink;
import io.ibex.framework.strategy.BracketIds;
import io.ibex.framework.strategy.Strategy;
import io.ibex.framework.strategy.StrategyContext;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

/**
 * The strategy's view of one backtest run; also the sink of the simulated broker's events. Events are logged at once
 * but reach the strategy only through {@link #deliver()}, which the engine calls after {@code onBar} returns (and once
 * the next bar's fills are known, before the next {@code onBar}): never re-entrantly inside {@code onBar}, in the
 * order they happened, as the live runner delivers them.
 */
final class EngineContext implements StrategyContext, OrderEventSink {
    private final Bars bars;
    private final Sizing sizing;
    private final Ledger ledger;
    private final Strategy strategy;
    private final List<OrderLogEntry> log;
    private final Book book; // null in a single-symbol run
    private final ArrayList<OrderEvent> pending = new ArrayList<>();
    private SimulatedBroker broker;
    private int current = -1;
    private long nextOrderNumber = 1;

    EngineContext(Bars bars, Sizing sizing, Ledger ledger, Strategy strategy) {
        this(bars, sizing, ledger, strategy, null, new ArrayList<>());
    }

    /** One instrument's context in a portfolio run: equity, positions and order ids come from the shared book. */
    EngineContext(Bars bars, Sizing sizing, Ledger ledger, Strategy strategy, Book book, List<OrderLogEntry> log) {
        this.book = book;
        this.log = log;
        this.bars = bars;
        this.sizing = sizing;
        this.ledger = ledger;
        this.strategy = strategy;
    }

    void attach(SimulatedBroker simulatedBroker) { this.broker = simulatedBroker; }

    void moveTo(int index) { current = index; }

    List<OrderLogEntry> log() { return log; }

    @Override public long now() { return bars.closeTime(current); }

    @Override public double position(Instrument instrument) {
        if (book != null) return book.position(instrument);
        return instrument.equals(ledger.instrument()) ? ledger.positionValue() : 0;
    }

    @Override public double cash() { return ledger.cashValue(); }

    @Override public double equity() {
        if (book != null) return book.equity();
        return ledger.cashValue() + ledger.positionValue() * bars.close(current);
    }

    @Override public double sizeFor(Instrument instrument, double price) { return sizing.sizeFor(price, equity()); }

    @Override
    public ClientOrderId submit(Instrument instrument, Side side, double quantity, OrderType type, double limitPrice,
                                double stopPrice, TimeInForce tif) {
        return send(instrument, side, quantity, type, limitPrice, stopPrice, tif, null, null);
    }

    @Override
    public ClientOrderId submitOco(String ocoGroup, Instrument instrument, Side side, double quantity, OrderType type,
                                   double limitPrice, double stopPrice, TimeInForce tif) {
        if (ocoGroup == null || ocoGroup.isBlank()) throw new IllegalArgumentException("OCO group name must not be blank");
        return send(instrument, side, quantity, type, limitPrice, stopPrice, tif, null, ocoGroup);
    }

    @Override
    public BracketIds bracket(Instrument instrument, Side side, double quantity, OrderType entryType, double entryLimit,
                              double entryStop, double takeProfit, double stopLoss, TimeInForce tif) {
        ClientOrderId entry = send(instrument, side, quantity, entryType, entryLimit, entryStop, tif, null, null);
        Side exit = side == Side.BUY ? Side.SELL : Side.BUY;
        String group = "bracket-" + entry.value();
        ClientOrderId tp = send(instrument, exit, quantity, OrderType.LMT, takeProfit, Double.NaN, TimeInForce.GTC, entry, group);
        ClientOrderId sl = send(instrument, exit, quantity, OrderType.STP, Double.NaN, stopLoss, TimeInForce.GTC, entry, group);
        return new BracketIds(entry, tp, sl);
    }

    @Override
    public boolean modify(ClientOrderId id, double quantity, double limitPrice, double stopPrice) {
        return broker.modify(id, decimal(quantity), decimal(limitPrice), decimal(stopPrice));
    }

    private ClientOrderId send(Instrument instrument, Side side, double quantity, OrderType type, double limitPrice,
                               double stopPrice, TimeInForce tif, ClientOrderId parent, String ocoGroup) {
        if (!(quantity > 0) || !Double.isFinite(quantity))
            throw new IllegalArgumentException("strategy submitted " + side + " " + instrument + " with quantity " + quantity
                + " at bar " + current + " (" + java.time.Instant.ofEpochMilli(now()) + "); quantities must be positive");
        ClientOrderId id = new ClientOrderId("bt-" + (book != null ? book.nextOrderNumber() : nextOrderNumber++));
        broker.submit(new OrderRequest(id, instrument, side, Decimals.of(quantity), type, decimal(limitPrice),
            decimal(stopPrice), tif, parent, ocoGroup));
        return id;
    }

    private static BigDecimal decimal(double price) { return Double.isNaN(price) ? null : Decimals.of(price); }

    @Override public void cancel(ClientOrderId id) {
        if (broker.isWorking(id)) broker.cancel(id);
    }

    @Override public boolean isWorking(ClientOrderId id) { return broker.isWorking(id); }

    @Override
    public void accept(OrderEvent event) {
        OrderRequest r = broker.request(event.orderId());
        BigDecimal orderPrice = r.limitPrice() != null ? r.limitPrice() : r.stopPrice();
        switch (event) {
            case OrderEvent.Submitted e -> log.add(entry(e, r, "submitted", orderPrice, null, ""));
            case OrderEvent.Accepted e -> { } // the simulated broker accepts at once; the log keeps submissions
            case OrderEvent.Rejected e -> log.add(entry(e, r, "rejected", orderPrice, null, e.reason()));
            case OrderEvent.Filled e -> log.add(new OrderLogEntry(e.timeMillis(), r.id(), "filled", r.side(), e.fill().quantity(),
                r.type(), e.fill().price(), e.fill().commission(), e.leavesQuantity().signum() == 0 ? "" : "partial, " + e.leavesQuantity().toPlainString() + " left", r.instrument(), r.parentId()));
            case OrderEvent.Cancelled e -> log.add(entry(e, r, "cancelled", orderPrice, null, e.reason()));
        }
        pending.add(event);
    }

    /** Hands the strategy the events since the last call, oldest first; events its handlers cause follow in the same call. */
    void deliver() {
        if (pending.isEmpty()) return;          // most bars: nothing happened, and the clear below is not free
        for (int k = 0; k < pending.size(); k++) strategy.onOrderEvent(pending.get(k), this);
        pending.clear();
    }

    private static OrderLogEntry entry(OrderEvent e, OrderRequest r, String name, BigDecimal price, BigDecimal fee, String note) {
        return new OrderLogEntry(e.timeMillis(), r.id(), name, r.side(), r.quantity(), r.type(), price, fee, note, r.instrument(), r.parentId());
    }
}
