package io.ibex.sim;

import java.time.Duration;
import java.util.List;
import java.util.Objects;

/** Domain faults and queries on orders (§5.1 "Ambiguous order outcome", duplicate cOID, rejections). */
public final class OrdersControl {
    private final GatewaySimulator sim;

    OrdersControl(GatewaySimulator sim) { this.sim = sim; }

    /** The next {@code times} order POSTs are processed fully (questions skipped), then answered 503 after {@code wallDelay}. */
    public OrdersControl acceptThenTimeout(int times, Duration wallDelay) {
        return queue(GatewaySimulator.Ambiguity.ACCEPT_THEN_TIMEOUT, times, wallDelay);
    }

    /** The same 503 without creating the order. */
    public OrdersControl failThenTimeout(int times, Duration wallDelay) {
        return queue(GatewaySimulator.Ambiguity.FAIL_THEN_TIMEOUT, times, wallDelay);
    }

    /** The order is created, then the connection closes without an answer. */
    public OrdersControl acceptThenDrop() { return queue(GatewaySimulator.Ambiguity.ACCEPT_THEN_DROP, 1, Duration.ZERO); }

    private OrdersControl queue(GatewaySimulator.Ambiguity kind, int times, Duration wallDelay) {
        Objects.requireNonNull(wallDelay, "wallDelay");
        synchronized (sim.lock) {
            for (int i = 0; i < times; i++) sim.ambiguousPosts.add(new GatewaySimulator.AmbiguousPost(kind, wallDelay.toMillis()));
        }
        return this;
    }

    /** HTTP status of the duplicate-cOID error: 200 (default) or 400. */
    public OrdersControl duplicateCoidStatus(int status) {
        if (status != 200 && status != 400) throw new IllegalArgumentException("duplicateCoidStatus is 200 or 400, was " + status);
        synchronized (sim.lock) { sim.options.duplicateCoidStatus = status; }
        return this;
    }

    /** The next order POSTs are rejected with HTTP 200 {"error": reason}, one reason each. */
    public OrdersControl rejectNext(String... reasons) {
        synchronized (sim.lock) { sim.rejectNext.addAll(List.of(reasons)); }
        return this;
    }

    public List<SimOrder> all() {
        synchronized (sim.lock) { return List.copyOf(sim.backend.orders.values()); }
    }

    public SimOrder get(long orderId) {
        synchronized (sim.lock) {
            SimOrder o = sim.backend.orders.get(orderId);
            if (o == null) throw new IllegalArgumentException("no order " + orderId + " in the simulator");
            return o;
        }
    }

    /** Orders created with this cOID (0 or 1 unless something is very wrong). */
    public List<SimOrder> withCoid(String coid) {
        synchronized (sim.lock) { return sim.backend.orders.values().stream().filter(o -> coid.equals(o.coid)).toList(); }
    }

    public List<Execution> executions() {
        synchronized (sim.lock) { return List.copyOf(sim.backend.executions); }
    }
}
