package io.ibex.backtest;

import io.ibex.backtest.commission.CommissionLedger;
import io.ibex.backtest.commission.CommissionModel;
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
import io.ibex.framework.port.Broker;
import io.ibex.framework.port.OrderEventSink;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A broker over recorded bars. The engine moves it forward with {@link #advanceTo}; an order submitted while bar
 * {@code t} is current is first considered on bar {@code t+1} ({@link #fillAtBar}), except that a market order is
 * filled at bar {@code t}'s close by {@link #fillMarketAtClose} when the run asks for close fills.
 *
 * <p>Fill rules (simple; a later issue adds intrabar paths, brackets, OCO, volume caps):
 * MKT fills at the open. LMT fills at the open if the open is already through the limit, else at the limit if the bar's
 * range reaches it. STP fills at the open if it gaps through the stop, else at the stop if the range reaches it.
 * STOP_LIMIT turns into a limit once its stop is touched and fills on the same bar only at the stop price when the
 * limit allows it. Slippage moves MKT and STP fill prices against the order. Commissions go through a
 * {@link CommissionLedger} (US exchange days and months), so volume-tiered schedules see month-to-date volume. DAY orders other than MKT are cancelled
 * when the first bar of a later UTC day arrives; GTC orders live until filled, cancelled or the end of data.
 */
public final class SimulatedBroker implements Broker {
    private static final long MILLIS_PER_DAY = 86_400_000L;
    private static final BigDecimal TEN_THOUSAND = BigDecimal.valueOf(10_000);

    private final Bars bars;
    private final CommissionLedger commission;
    private final BigDecimal buySlippageFactor, sellSlippageFactor;
    private final OrderEventSink sink;
    private final Ledger ledger;
    private final Map<ClientOrderId, SimulatedOrder> orders = new HashMap<>();
    private final ArrayList<SimulatedOrder> working = new ArrayList<>();
    private boolean anyFinished;
    private int current = -1;
    private long executions;

    public SimulatedBroker(Bars bars, Ledger ledger, CommissionModel commission, BigDecimal slippageBps, OrderEventSink sink) {
        this.bars = Objects.requireNonNull(bars, "bars");
        this.ledger = Objects.requireNonNull(ledger, "ledger");
        this.commission = new CommissionLedger(Objects.requireNonNull(commission, "commission"));
        this.sink = Objects.requireNonNull(sink, "sink");
        BigDecimal slip = Objects.requireNonNull(slippageBps, "slippageBps").divide(TEN_THOUSAND);
        this.buySlippageFactor = BigDecimal.ONE.add(slip);
        this.sellSlippageFactor = BigDecimal.ONE.subtract(slip);
    }

    /** Makes bar {@code index} the current one; time only moves forward. */
    public void advanceTo(int index) {
        if (index <= current)
            throw new IllegalStateException("simulated broker cannot go back in time: bar " + current + " -> " + index);
        current = index;
    }

    public int currentIndex() { return current; }

    private long now() { return current < 0 ? bars.time(0) : bars.time(current); }

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

    /** Fills what bar {@link #currentIndex()} can fill among orders submitted on earlier bars. */
    public void fillAtBar() {
        int n = working.size(); // orders added by event handlers during this pass wait for the next bar
        for (int k = 0; k < n; k++) {
            SimulatedOrder o = working.get(k);
            if (o.status.isTerminal() || o.submittedIndex >= current) continue;
            if (expired(o)) continue;
            BigDecimal price = fillPrice(o);
            if (price != null) fill(o, price);
        }
        compact();
    }

    /** With close fills: market orders submitted on the current bar fill at its close. */
    public void fillMarketAtClose() {
        int n = working.size();
        for (int k = 0; k < n; k++) {
            SimulatedOrder o = working.get(k);
            if (o.status.isTerminal() || o.submittedIndex != current || o.request.type() != OrderType.MKT) continue;
            fill(o, slipped(o.request.side(), Decimals.of(bars.close(current))));
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

    /** The price at which {@code o} fills on the current bar, or null if it does not. */
    private BigDecimal fillPrice(SimulatedOrder o) {
        OrderRequest r = o.request;
        double open = bars.open(current), high = bars.high(current), low = bars.low(current);
        boolean buy = r.side() == Side.BUY;
        switch (r.type()) {
            case MKT:
                return slipped(r.side(), Decimals.of(open));
            case LMT:
                return limitFill(buy, r.limitPrice(), open, high, low);
            case STP: {
                double stop = r.stopPrice().doubleValue();
                if (buy ? open >= stop : open <= stop) return slipped(r.side(), Decimals.of(open));
                if (buy ? high >= stop : low <= stop) return slipped(r.side(), r.stopPrice());
                return null;
            }
            case STOP_LIMIT: {
                if (o.triggered) return limitFill(buy, r.limitPrice(), open, high, low);
                double stop = r.stopPrice().doubleValue();
                if (buy ? open >= stop : open <= stop) {
                    o.triggered = true;
                    return limitFill(buy, r.limitPrice(), open, high, low);
                }
                if (buy ? high >= stop : low <= stop) {
                    o.triggered = true;
                    boolean limitAllows = buy ? r.limitPrice().compareTo(r.stopPrice()) >= 0
                        : r.limitPrice().compareTo(r.stopPrice()) <= 0;
                    return limitAllows ? r.stopPrice() : null;
                }
                return null;
            }
            default:
                throw new IllegalStateException("unhandled order type " + r.type());
        }
    }

    private static BigDecimal limitFill(boolean buy, BigDecimal limit, double open, double high, double low) {
        double l = limit.doubleValue();
        if (buy ? open <= l : open >= l) return Decimals.of(open);
        if (buy ? low <= l : high >= l) return limit;
        return null;
    }

    private BigDecimal slipped(Side side, BigDecimal price) {
        if (buySlippageFactor.compareTo(BigDecimal.ONE) == 0) return price;
        return price.multiply(side == Side.BUY ? buySlippageFactor : sellSlippageFactor);
    }

    private void fill(SimulatedOrder o, BigDecimal price) {
        OrderRequest r = o.request;
        long t = bars.time(current);
        // the commission ledger applies the per-order cumulative rule and month-to-date volume tiers
        BigDecimal fee = commission.onFill(r.id().value(), r.instrument(), r.side(), r.quantity(), price, t);
        commission.orderDone(r.id().value()); // orders fill whole here; a later issue adds partial fills
        Fill f = new Fill("sim-exec-" + (++executions), r.id(), r.instrument(), r.side(), r.quantity(), price, fee, t);
        ledger.apply(f);
        emit(o, new OrderEvent.Filled(r.id(), t, f, BigDecimal.ZERO), true);
    }

    private void cancelOrder(SimulatedOrder o, String reason) {
        emit(o, new OrderEvent.Cancelled(o.request.id(), now(), reason), true);
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
