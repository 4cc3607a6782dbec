package io.ibex.live.runner;

import io.ibex.framework.domain.OrderRequest;
import io.ibex.framework.domain.Position;

import java.util.List;
import java.util.Optional;

/** Forwards every call to another gateway; tests override the one call they watch. */
public class DelegatingGatewayForTests implements OrderGateway {
    private final OrderGateway d;

    public DelegatingGatewayForTests(OrderGateway d) { this.d = d; }

    @Override public SubmitOutcome submit(OrderRequest r) { return d.submit(r); }
    @Override public Optional<BrokerOrder> lookup(String c) { return d.lookup(c); }
    @Override public List<BrokerOrder> liveOrders() { return d.liveOrders(); }
    @Override public List<BrokerExecution> executions() { return d.executions(); }
    @Override public List<Position> positions() { return d.positions(); }
    @Override public void cancel(String id) { d.cancel(id); }
}
