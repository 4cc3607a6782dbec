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
     * Finds an order by cOID: live orders (after the force/pre-flight dance), then trades. Empty means "not seen in
     * this probe", which alone is no proof the order does not exist.
     */
    Optional<BrokerOrder> lookup(String clientOrderId);

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
