package io.ibex.cli.replay;

import io.ibex.framework.domain.Instrument;
import io.ibex.framework.domain.OrderRequest;
import io.ibex.framework.domain.Position;
import io.ibex.framework.domain.Side;
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
 * The order side of a replay (step mode): orders rest until the driver opens the next bar, then fill with zero spread
 * exactly as the backtest's default does: MKT at the next bar's open; LMT at the open if it is already through the
 * limit, else at the limit if the bar's range reaches it; STP likewise at the open or the stop. cOIDs are unique
 * ("already registered" on a repeat), as at IBKR.
 */
public final class ReplayVenue implements OrderGateway, ReplayFills {
    private final Map<String, BrokerOrder> orders = new LinkedHashMap<>();
    private final Map<String, OrderRequest> requests = new HashMap<>();
    private final List<BrokerExecution> executions = new ArrayList<>();
    private int nextId = 1;

    @Override public synchronized SubmitOutcome submit(OrderRequest r) {
        String ref = r.id().value();
        if (orders.containsKey(ref))
            return new SubmitOutcome.AlreadyRegistered("Order couldn't be submitted: Local order ID=" + ref + " is already registered.");
        orders.put(ref, new BrokerOrder(Integer.toString(nextId++), ref, r.instrument(), r.side(), r.quantity(), BigDecimal.ZERO,
            OrderStatus.WORKING));
        requests.put(ref, r);
        return new SubmitOutcome.Placed(orders.get(ref).brokerOrderId());
    }

    @Override public void openBars(List<BarAt> opening) {
        for (BarAt b : opening)
            openBar(b.bars().instrument(), b.time(), b.bars().open(b.i()), b.bars().high(b.i()), b.bars().low(b.i()));
    }

    /** Bar {@code time} of {@code instrument} opens: fill what its open and range allow. */
    public synchronized void openBar(Instrument instrument, long time, double open, double high, double low) {
        for (Map.Entry<String, BrokerOrder> e : orders.entrySet()) {
            BrokerOrder o = e.getValue();
            if (o.status().isTerminal() || !o.instrument().equals(instrument)) continue;
            OrderRequest r = requests.get(e.getKey());
            BigDecimal px = fillPrice(r, BigDecimal.valueOf(open), BigDecimal.valueOf(high), BigDecimal.valueOf(low));
            if (px == null) continue;
            BigDecimal qty = o.remaining();
            executions.add(new BrokerExecution("replay-" + (executions.size() + 1), e.getKey(), instrument, o.side(), qty, px,
                BigDecimal.ZERO, time));
            e.setValue(new BrokerOrder(o.brokerOrderId(), e.getKey(), instrument, o.side(), o.quantity(), o.quantity(), OrderStatus.FILLED));
        }
    }

    private static BigDecimal fillPrice(OrderRequest r, BigDecimal open, BigDecimal high, BigDecimal low) {
        boolean buy = r.side() == Side.BUY;
        return switch (r.type()) {
            case MKT -> open;
            case LMT -> buy ? (open.compareTo(r.limitPrice()) <= 0 ? open : low.compareTo(r.limitPrice()) <= 0 ? r.limitPrice() : null)
                : (open.compareTo(r.limitPrice()) >= 0 ? open : high.compareTo(r.limitPrice()) >= 0 ? r.limitPrice() : null);
            case STP -> buy ? (open.compareTo(r.stopPrice()) >= 0 ? open : high.compareTo(r.stopPrice()) >= 0 ? r.stopPrice() : null)
                : (open.compareTo(r.stopPrice()) <= 0 ? open : low.compareTo(r.stopPrice()) <= 0 ? r.stopPrice() : null);
            case STOP_LIMIT -> null;   // not used by the shipped strategies; rests until cancelled
        };
    }

    @Override public synchronized Optional<BrokerOrder> lookup(String coid) { return Optional.ofNullable(orders.get(coid)); }

    @Override public synchronized List<BrokerOrder> liveOrders() { return List.copyOf(orders.values()); }

    @Override public synchronized List<BrokerExecution> executions() { return List.copyOf(executions); }

    @Override public synchronized List<Position> positions() {
        Map<Instrument, BigDecimal> pos = new LinkedHashMap<>();
        for (BrokerExecution x : executions)
            pos.merge(x.instrument(), x.side() == Side.BUY ? x.quantity() : x.quantity().negate(), BigDecimal::add);
        List<Position> out = new ArrayList<>();
        pos.forEach((in, q) -> { if (q.signum() != 0) out.add(new Position(in, q, BigDecimal.ZERO)); });
        return out;
    }

    @Override public synchronized void cancel(String brokerOrderId) {
        orders.replaceAll((k, o) -> o.brokerOrderId().equals(brokerOrderId) && !o.status().isTerminal()
            ? new BrokerOrder(o.brokerOrderId(), k, o.instrument(), o.side(), o.quantity(), o.filledQuantity(), OrderStatus.CANCELLED) : o);
    }

}
