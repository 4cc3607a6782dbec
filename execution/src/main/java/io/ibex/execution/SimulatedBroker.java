package io.ibex.execution;

import io.ibex.execution.commission.CommissionLedger;
import io.ibex.execution.commission.CommissionModel;
import io.ibex.framework.domain.Bars;
import io.ibex.framework.domain.ClientOrderId;
import io.ibex.framework.domain.Fill;
import io.ibex.framework.domain.OrderRequest;
import io.ibex.framework.domain.OrderType;
import io.ibex.framework.domain.Position;
import io.ibex.framework.domain.Side;
import io.ibex.framework.domain.TimeInForce;
import io.ibex.framework.error.BrokerException;
import io.ibex.framework.event.OrderEvent;
import io.ibex.framework.event.OrderStatus;
import io.ibex.framework.port.Broker;
import io.ibex.framework.port.OrderEventSink;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The simulated venue over recorded bars. The engine moves it with {@link #advanceTo}; an order submitted while bar
 * {@code t} is current is first considered on bar {@code t+1} ({@link #fillAtBar}), except that a market order fills
 * at bar {@code t}'s close ({@link #fillMarketAtClose}) when the run asks for close fills. Prices: {@link BarFillRules}
 * (docs/backtest.md); cash: {@link BuyingPower}; volume: {@link VolumeCap}; commissions: a {@link CommissionLedger}
 * (US exchange days and months, for month-to-date tiers). DAY orders other than MKT are cancelled by the first bar of a
 * later UTC day; GTC orders live until filled, cancelled or the end of data.
 */
public final class SimulatedBroker implements Broker {
    private static final long MILLIS_PER_DAY = 86_400_000L;
    private static final BigDecimal TEN_THOUSAND = BigDecimal.valueOf(10_000);

    private final Bars bars;
    private final CommissionLedger commission;
    private final BarFillRules.Slippage slippage;
    private final OrderEventSink sink;
    private final Ledger ledger;
    private final IntrabarPath path;
    private final BuyingPower buyingPower;
    private final VolumeCap volumeCap;
    private final Map<ClientOrderId, SimulatedOrder> orders = new HashMap<>();
    private final ArrayList<SimulatedOrder> working = new ArrayList<>();
    private boolean anyFinished;
    private int current = -1;
    private boolean atOpen;
    private long executions;

    public SimulatedBroker(Bars bars, Ledger ledger, CommissionModel commission, BigDecimal slippageBps, OrderEventSink sink) {
        this(bars, ledger, commission, slippageBps, IntrabarPath.PESSIMISTIC, sink);
    }

    public SimulatedBroker(Bars bars, Ledger ledger, CommissionModel commission, BigDecimal slippageBps, IntrabarPath path,
                           OrderEventSink sink) {
        this(bars, ledger, commission, slippageBps, path, true, 0, sink);
    }

    /**
     * @param margin       false: a buy that opens or adds to a position is cut to what cash pays for (the rest is
     *                     cancelled), so cash never goes negative; true: cash may go negative (no margin limit)
     * @param maxVolumePct at most this percentage of each bar's volume fills on that bar (0 = no cap); the rest waits
     */
    public SimulatedBroker(Bars bars, Ledger ledger, CommissionModel commission, BigDecimal slippageBps, IntrabarPath path,
                           boolean margin, double maxVolumePct, OrderEventSink sink) {
        if (!(maxVolumePct >= 0 && maxVolumePct <= 100))
            throw new IllegalArgumentException("max volume percentage must be in [0, 100], was " + maxVolumePct);
        this.path = Objects.requireNonNull(path, "path");
        this.bars = Objects.requireNonNull(bars, "bars");
        this.ledger = Objects.requireNonNull(ledger, "ledger");
        this.commission = new CommissionLedger(Objects.requireNonNull(commission, "commission"));
        this.buyingPower = new BuyingPower(margin, this.ledger, commission, this.commission);
        this.volumeCap = new VolumeCap(this.bars, maxVolumePct);
        this.sink = Objects.requireNonNull(sink, "sink");
        this.slippage = BarFillRules.Slippage.of(Objects.requireNonNull(slippageBps, "slippageBps").divide(TEN_THOUSAND));
    }

    /** Makes bar {@code index} the current one; time only moves forward. */
    public void advanceTo(int index) {
        if (index <= current)
            throw new IllegalStateException("simulated broker cannot go back in time: bar " + current + " -> " + index);
        current = index;
        atOpen = false;
    }

    public int currentIndex() { return current; }

    /**
     * Event time: the current bar's open while {@link #fillAtBar} fills it, its close afterwards (orders the strategy
     * places, cancels or changes while deciding on the closed bar; close fills). ADR 0006.
     */
    private long now() { return current < 0 ? bars.time(0) : atOpen ? bars.time(current) : bars.closeTime(current); }

    @Override
    public void submit(OrderRequest request) {
        Objects.requireNonNull(request, "request");
        if (orders.containsKey(request.id())) return; // idempotent: the first submit with this id wins
        if (current < 0) throw new IllegalStateException("order " + request.id() + " submitted before the first bar");
        SimulatedOrder o = new SimulatedOrder(request, current);
        orders.put(request.id(), o);
        long t = now();
        if (!request.instrument().equals(bars.instrument())) {
            emit(o, new OrderEvent.Rejected(request.id(), t, "no market data for " + request.instrument()
                + " in this backtest (the data is " + bars.instrument() + ")"), true);
            return;
        }
        if (request.parentId() != null) {
            SimulatedOrder parent = orders.get(request.parentId());
            if (parent == null || parent.status.isTerminal() && parent.status != OrderStatus.FILLED) {
                emit(o, new OrderEvent.Rejected(request.id(), t, "parent order " + request.parentId()
                    + (parent == null ? " is unknown" : " is no longer working")), true);
                return;
            }
            o.active = parent.status == OrderStatus.FILLED;
        }
        emit(o, new OrderEvent.Submitted(request.id(), t), true);
        working.add(o);
        emit(o, new OrderEvent.Accepted(request.id(), t, "sim-" + orders.size()), true);
    }

    @Override
    public void cancel(ClientOrderId orderId) {
        SimulatedOrder o = orders.get(Objects.requireNonNull(orderId, "orderId"));
        if (o == null) throw new BrokerException("cannot cancel order " + orderId + ": the simulated broker never received it");
        if (o.status.isTerminal()) return; // already filled, cancelled or rejected: nothing to do
        cancelOrder(o, "cancelled by request");
    }

    /** True while the order is accepted and neither filled nor cancelled. */
    public boolean isWorking(ClientOrderId orderId) {
        SimulatedOrder o = orders.get(orderId);
        return o != null && !o.status.isTerminal();
    }

    /** The request behind {@code orderId}, or null if this broker never received it. */
    public OrderRequest request(ClientOrderId orderId) {
        SimulatedOrder o = orders.get(orderId);
        return o == null ? null : o.request;
    }

    @Override
    public List<OrderRequest> openOrders() {
        List<OrderRequest> open = new ArrayList<>();
        for (SimulatedOrder o : working) if (!o.status.isTerminal()) open.add(o.request);
        return open;
    }

    @Override
    public List<Position> positions() { return ledger.positions(); }

    public Ledger ledger() { return ledger; }

    /**
     * Fills what bar {@link #currentIndex()} can fill among orders submitted on earlier bars: first everything the
     * open decides (market orders, gaps through a limit or stop, STOP_LIMIT on the whole bar), then limit and stop
     * orders in the order the assumed intrabar path reaches their prices. A fill activates its bracket children at
     * that point of the path and cancels the rest of its OCO group.
     */
    public void fillAtBar() {
        atOpen = true;
        try {
            fillOpenAndRange();
        } finally {
            atOpen = false;
        }
    }

    private void fillOpenAndRange() {
        if (working.isEmpty()) return;
        int n = working.size(); // orders added by event handlers during this pass wait for the next bar
        double open = bars.open(current);
        for (int k = 0; k < n; k++) {
            SimulatedOrder o = working.get(k);
            if (!eligible(o) || expired(o)) continue;
            BigDecimal price = BarFillRules.openFillPrice(o, open, bars.high(current), bars.low(current), slippage);
            if (price != null) fill(o, price);
        }
        boolean highFirst = highFirst();
        double first = highFirst ? bars.high(current) : bars.low(current);
        double second = highFirst ? bars.low(current) : bars.high(current);
        walk(open, first);
        walk(first, second);
        walk(second, bars.close(current));
        compact();
    }

    private boolean eligible(SimulatedOrder o) {
        return !o.status.isTerminal() && o.active && o.submittedIndex < current && o.pausedAt != current;
    }

    /** Whether the bar visits its high before its low; pessimistic: against the position, else the first order. */
    private boolean highFirst() {
        if (path != IntrabarPath.PESSIMISTIC) return path == IntrabarPath.OHLC;
        int position = ledger.quantity().signum();
        if (position != 0) return position < 0;
        for (SimulatedOrder o : working)
            if (eligible(o) && o.request.type() != OrderType.MKT) return o.request.side() == Side.BUY;
        return true;
    }

    /** Fills, along the straight move from {@code from} to {@code to}, each LMT/STP order in the order it is reached. */
    private void walk(double from, double to) {
        double pos = from;
        BigDecimal posPrice = null; // the exact price at pos once a fill happened inside this move
        while (true) {
            SimulatedOrder best = null;
            double bestDistance = Double.POSITIVE_INFINITY;
            for (int k = 0; k < working.size(); k++) {
                SimulatedOrder o = working.get(k);
                OrderType type = o.request.type();
                if ((type != OrderType.LMT && type != OrderType.STP) || !eligible(o)) continue;
                if (o.activeDay == Long.MIN_VALUE) o.activeDay = Math.floorDiv(bars.time(current), MILLIS_PER_DAY); // activated mid-bar
                double distance = BarFillRules.reachedAfter(o, pos, to);
                if (distance < 0) continue;
                if (distance < bestDistance) {
                    best = o;
                    bestDistance = distance;
                }
            }
            if (best == null) return;
            BigDecimal price;
            if (bestDistance == 0) {
                BigDecimal at = posPrice != null ? posPrice : Decimals.of(pos);
                price = best.request.type() == OrderType.STP ? slippage.apply(best.request.side(), at) : at;
            } else {
                BigDecimal t = best.request.type() == OrderType.LMT ? best.request.limitPrice() : best.request.stopPrice();
                pos = t.doubleValue();
                posPrice = t;
                price = best.request.type() == OrderType.STP ? slippage.apply(best.request.side(), t) : t;
            }
            fill(best, price);
        }
    }

    /** With close fills: market orders submitted on the current bar fill at its close. */
    public void fillMarketAtClose() {
        int n = working.size();
        for (int k = 0; k < n; k++) {
            SimulatedOrder o = working.get(k);
            if (o.status.isTerminal() || o.submittedIndex != current || o.request.type() != OrderType.MKT || o.pausedAt == current) continue;
            fill(o, slippage.apply(o.request.side(), Decimals.of(bars.close(current))));
        }
        compact();
    }

    /** Cancels every working order, e.g. at the end of the data. */
    public void cancelAll(String reason) {
        int n = working.size();
        for (int k = 0; k < n; k++) {
            SimulatedOrder o = working.get(k);
            if (!o.status.isTerminal()) cancelOrder(o, reason);
        }
        compact();
    }

    private boolean expired(SimulatedOrder o) {
        if (o.request.tif() != TimeInForce.DAY || o.request.type() == OrderType.MKT) return false;
        long day = Math.floorDiv(bars.time(current), MILLIS_PER_DAY);
        if (o.activeDay == Long.MIN_VALUE) o.activeDay = day;
        if (day == o.activeDay) return false;
        cancelOrder(o, "DAY order expired");
        return true;
    }

    private void fill(SimulatedOrder o, BigDecimal price) {
        OrderRequest r = o.request;
        long t = now();
        BigDecimal remaining = r.quantity().subtract(o.filled);
        BigDecimal quantity = volumeCap.capped(remaining, current);
        if (quantity.signum() <= 0) {
            o.pausedAt = current; // no volume left on this bar
            return;
        }
        if (quantity.compareTo(remaining) < 0) o.pausedAt = current;
        BigDecimal affordable = buyingPower.affordable(r, quantity, price);
        boolean cashShort = affordable.compareTo(quantity) < 0;
        if (affordable.signum() <= 0) {
            cancelOrder(o, "insufficient cash: " + ledger.cash().toPlainString() + " does not pay for one unit at " + price
                + " (enable margin to allow negative cash)");
            return;
        }
        quantity = affordable;
        volumeCap.consume(quantity);
        // the commission ledger applies the per-order cumulative rule and month-to-date volume tiers
        BigDecimal fee = commission.onFill(r.id().value(), r.instrument(), r.side(), quantity, price, t);
        o.filled = o.filled.add(quantity);
        BigDecimal left = r.quantity().subtract(o.filled);
        boolean done = left.signum() == 0;
        if (done || cashShort) commission.orderDone(r.id().value());
        Fill f = new Fill("sim-exec-" + (++executions), r.id(), r.instrument(), r.side(), quantity, price, fee, t);
        ledger.apply(f);
        emit(o, new OrderEvent.Filled(r.id(), t, f, left), done);
        if (cashShort) cancelOrder(o, "insufficient cash for the remaining " + left.toPlainString()
            + " (enable margin to allow negative cash)");
        for (int k = 0; k < working.size(); k++) {
            SimulatedOrder other = working.get(k);
            if (other.status.isTerminal()) continue;
            if (r.id().equals(other.request.parentId())) other.active = true;
            else if (done && r.ocaGroup() != null && r.ocaGroup().equals(other.request.ocaGroup()))
                cancelOrder(other, "OCO: " + r.id() + " filled");
        }
    }

    private void cancelOrder(SimulatedOrder o, String reason) {
        emit(o, new OrderEvent.Cancelled(o.request.id(), now(), reason), true);
        for (int k = 0; k < working.size(); k++) {
            SimulatedOrder child = working.get(k);
            if (!child.status.isTerminal() && !child.active && o.request.id().equals(child.request.parentId()))
                cancelOrder(child, "parent " + o.request.id() + " cancelled");
        }
    }

    /**
     * Changes the quantity and prices of a working order (null keeps the old value); its type, side and place in the
     * queue stay. Returns false when the order is unknown or no longer working.
     */
    public boolean modify(ClientOrderId orderId, BigDecimal quantity, BigDecimal limitPrice, BigDecimal stopPrice) {
        SimulatedOrder o = orders.get(Objects.requireNonNull(orderId, "orderId"));
        if (o == null || o.status.isTerminal()) return false;
        OrderRequest r = o.request;
        o.request = new OrderRequest(r.id(), r.instrument(), r.side(), quantity == null ? r.quantity() : quantity, r.type(),
            limitPrice == null ? r.limitPrice() : limitPrice, stopPrice == null ? r.stopPrice() : stopPrice, r.tif(),
            r.parentId(), r.ocaGroup());
        return true;
    }

    private void emit(SimulatedOrder o, OrderEvent event, boolean fullyFilled) {
        o.status = o.status.next(event, fullyFilled);
        if (o.status.isTerminal()) anyFinished = true;
        sink.accept(event);
    }

    private void compact() {
        if (!anyFinished) return;
        anyFinished = false;
        int w = 0;
        for (int k = 0; k < working.size(); k++) {
            SimulatedOrder o = working.get(k);
            if (!o.status.isTerminal()) working.set(w++, o);
        }
        while (working.size() > w) working.remove(working.size() - 1);
    }
}
