package io.ibex.live.runner;

import io.ibex.framework.domain.OrderRequest;
import io.ibex.framework.domain.Position;

import java.util.List;
import java.util.Optional;

/**
 * The router's view of the gateway: one small port, so the router's logic is tested against the simulator or a
 * venue model, and an adapter over the Feign client plugs in without touching it. Implementations NEVER retry
 * {@link #submit} or {@link #cancel}: an unclear answer is reported as {@link SubmitOutcome.Ambiguous}.
 */
public interface OrderGateway {
    /** One order ticket, reply chain included; called once per attempt. */
    SubmitOutcome submit(OrderRequest request);

    /**
     * A bracket (first leg the parent, the others naming it in {@link OrderRequest#parentId()}) or an OCA group (every leg
     * with the same {@link OrderRequest#ocaGroup()}) as ONE ticket; one outcome per leg, in order. Called once per
     * attempt, never retried. The default sends the legs one by one, parent first: right only for a venue that takes
     * parent and group from each request.
     */
    default List<SubmitOutcome> submitGroup(List<OrderRequest> legs) {
        List<SubmitOutcome> out = new java.util.ArrayList<>();
        for (OrderRequest r : legs) out.add(submit(r));
        return out;
    }

    /**
     * Changes a working order to {@code changed} (same id, side, type and time in force; new quantity or prices).
     * {@link SubmitOutcome.Placed} when the venue took it, Rejected when it refused; never retried.
     */
    default SubmitOutcome modify(String brokerOrderId, OrderRequest changed) {
        return new SubmitOutcome.Rejected(getClass().getSimpleName() + " cannot modify orders");
    }

    /**
     * Finds an order by cOID: live orders (after the force/pre-flight dance), then trades. Empty means "not seen in
     * this probe", which alone is no proof the order does not exist.
     */
    Optional<BrokerOrder> lookup(String clientOrderId);

    /** True when {@link #liveOrders} can be fetched now without waiting on the gateway's pacing. */
    default boolean ordersReady() { return true; }

    /** Working and recent orders of the account, ours and foreign. */
    List<BrokerOrder> liveOrders();

    /** True when {@link #executions} can be fetched now without waiting on the gateway's pacing. */
    default boolean executionsReady() { return true; }

    /** Executions of today and the 6 prior days. */
    List<BrokerExecution> executions();

    /** Non-flat positions the broker reports; a missing instrument is NOT proof of flat. */
    List<Position> positions();

    /** Requests a cancel; the cancel is confirmed only by a later listing. */
    void cancel(String brokerOrderId);
}
