package io.ibex.cli.replay;

import io.ibex.backtest.BacktestConfig;
import io.ibex.execution.IntrabarPath;
import io.ibex.execution.Ledger;
import io.ibex.execution.SimulatedBroker;
import io.ibex.framework.domain.Bars;
import io.ibex.framework.domain.ClientOrderId;
import io.ibex.framework.domain.Instrument;
import io.ibex.framework.domain.OrderRequest;
import io.ibex.framework.domain.Position;
import io.ibex.framework.event.OrderEvent;
import io.ibex.framework.event.OrderStatus;
import io.ibex.live.runner.BrokerExecution;
import io.ibex.live.runner.BrokerOrder;
import io.ibex.live.runner.OrderGateway;
import io.ibex.live.runner.SubmitOutcome;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The order side of a replay in memory (step mode): the backtest's own {@link SimulatedBroker}, one per replayed series,
 * behind the router's {@link OrderGateway} port, so a replay through it fills exactly as {@code ibex backtest} does with
 * its defaults (no commission, no slippage, the pessimistic intrabar path, DAY orders expiring with the UTC day,
 * brackets and OCO groups, modify). Orders rest until the driver opens the next bar. cOIDs are unique ("already
 * registered" on a repeat), as at IBKR; cash is not checked here (the journal and risk own it).
 */
public final class ReplayVenue implements OrderGateway, ReplayFills {
    private final Map<Instrument, SimulatedBroker> brokers = new LinkedHashMap<>();
    private final Map<String, BrokerOrder> orders = new LinkedHashMap<>();   // by cOID
    private final Map<String, String> coidOf = new HashMap<>();               // broker order id -> cOID
    private final List<BrokerExecution> executions = new ArrayList<>();

    /** @param series the replayed series, one instrument each */
    public ReplayVenue(List<Bars> series) {
        for (Bars b : series)
            brokers.put(b.instrument(), new SimulatedBroker(b, new Ledger(b.instrument(), BigDecimal.ZERO), BacktestConfig.NO_COMMISSION,
                BigDecimal.ZERO, IntrabarPath.PESSIMISTIC, true, 0, this::onEvent));
    }

    @Override public synchronized SubmitOutcome submit(OrderRequest r) {
        String ref = r.id().value();
        if (orders.containsKey(ref))
            return new SubmitOutcome.AlreadyRegistered("Order couldn't be submitted: Local order ID=" + ref + " is already registered.");
        SimulatedBroker broker = brokers.get(r.instrument());
        if (broker == null) return new SubmitOutcome.Rejected("no replayed series for " + r.instrument());
        if (broker.currentIndex() < 0) return new SubmitOutcome.Rejected(r.instrument() + " has not opened its first bar yet");
        String brokerId = Integer.toString(orders.size() + 1);
        orders.put(ref, new BrokerOrder(brokerId, ref, r.instrument(), r.side(), r.quantity(), BigDecimal.ZERO, OrderStatus.WORKING));
        coidOf.put(brokerId, ref);
        broker.submit(r);
        BrokerOrder o = orders.get(ref);
        return o.status() == OrderStatus.REJECTED ? new SubmitOutcome.Rejected("rejected by the replay venue")
            : new SubmitOutcome.Placed(brokerId);
    }

    @Override public synchronized SubmitOutcome modify(String brokerOrderId, OrderRequest changed) {
        SimulatedBroker broker = brokers.get(changed.instrument());
        boolean done = broker != null && broker.modify(changed.id(), changed.quantity(), changed.limitPrice(), changed.stopPrice());
        return done ? new SubmitOutcome.Placed(brokerOrderId) : new SubmitOutcome.Rejected("order " + brokerOrderId + " is not working");
    }

    @Override public synchronized void openBars(List<BarAt> opening) {
        for (BarAt b : opening) {
            SimulatedBroker broker = brokers.get(b.bars().instrument());
            broker.advanceTo(b.i());
            broker.fillAtBar();
        }
    }

    /** What the simulated broker did, as the gateway would list it: executions, and order statuses with their time. */
    private void onEvent(OrderEvent e) {
        BrokerOrder o = orders.get(e.orderId().value());
        if (o == null) return;
        switch (e) {
            case OrderEvent.Filled f -> {
                executions.add(new BrokerExecution("replay-" + (executions.size() + 1), o.orderRef(), o.instrument(), o.side(),
                    f.fill().quantity(), f.fill().price(), f.fill().commission(), f.timeMillis(), o.brokerOrderId()));
                BigDecimal filled = o.filledQuantity().add(f.fill().quantity());
                update(o, filled, f.leavesQuantity().signum() == 0 ? OrderStatus.FILLED : OrderStatus.PARTIALLY_FILLED, f.timeMillis());
            }
            case OrderEvent.Cancelled c -> update(o, o.filledQuantity(), OrderStatus.CANCELLED, c.timeMillis());
            case OrderEvent.Rejected r -> update(o, o.filledQuantity(), OrderStatus.REJECTED, r.timeMillis());
            case OrderEvent.Submitted s -> { }
            case OrderEvent.Accepted a -> { }
        }
    }

    private void update(BrokerOrder o, BigDecimal filled, OrderStatus status, long at) {
        orders.put(o.orderRef(), new BrokerOrder(o.brokerOrderId(), o.orderRef(), o.instrument(), o.side(), o.quantity(), filled,
            status, at));
    }

    @Override public synchronized Optional<BrokerOrder> lookup(String coid) { return Optional.ofNullable(orders.get(coid)); }

    @Override public synchronized List<BrokerOrder> liveOrders() { return List.copyOf(orders.values()); }

    @Override public synchronized List<BrokerExecution> executions() { return List.copyOf(executions); }

    @Override public synchronized List<Position> positions() {
        Map<Instrument, BigDecimal> pos = new LinkedHashMap<>();
        for (BrokerExecution x : executions)
            pos.merge(x.instrument(), x.side() == io.ibex.framework.domain.Side.BUY ? x.quantity() : x.quantity().negate(), BigDecimal::add);
        List<Position> out = new ArrayList<>();
        pos.forEach((in, q) -> { if (q.signum() != 0) out.add(new Position(in, q, BigDecimal.ZERO)); });
        return out;
    }

    @Override public synchronized void cancel(String brokerOrderId) {
        String coid = coidOf.get(brokerOrderId);
        BrokerOrder o = coid == null ? null : orders.get(coid);
        if (o == null || o.status().isTerminal()) return;
        brokers.get(o.instrument()).cancel(new ClientOrderId(coid));
    }
}
