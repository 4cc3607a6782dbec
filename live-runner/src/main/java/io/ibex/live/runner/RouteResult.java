package io.ibex.live.runner;

import io.ibex.framework.domain.ClientOrderId;
import io.ibex.framework.event.OrderStatus;
import io.ibex.live.risk.RiskDecision;

/** What happened to one intent in the router. */
public sealed interface RouteResult permits RouteResult.Denied, RouteResult.Shadowed, RouteResult.Routed {
    /** Risk said no; nothing was journaled or sent. */
    record Denied(RiskDecision.Denied denial) implements RouteResult {}

    /** --shadow: journaled as what we would send, never sent. */
    record Shadowed(ClientOrderId id) implements RouteResult {}

    /** Journaled and sent; {@code status} after the answer (UNKNOWN when still unresolved). */
    record Routed(ClientOrderId id, OrderStatus status) implements RouteResult {}
}
