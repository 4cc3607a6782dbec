package io.ibex.live.runner;

import io.ibex.live.risk.RiskGate;
import io.ibex.session.SessionListener;
import io.ibex.session.SessionState;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.Objects;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * The live loop's view of the {@link io.ibex.session.SessionKeeper}. Any state but AUTHENTICATED closes the gate at
 * once (on the keeper's thread): the risk gate denies new intents as DISCONNECTED and the poller pauses. Coming back to
 * AUTHENTICATED only marks a reconciliation as due; the loop thread runs it ({@link ReconcileSchedule}) before polling again, so
 * the strategy never sees a bar between a re-authentication and the journal agreeing with the broker (P9). The first
 * AUTHENTICATED after STARTING needs none: the runner reconciled on start.
 */
public final class SessionGate implements SessionListener {
    private static final Logger log = LoggerFactory.getLogger(SessionGate.class);

    private final RiskGate risk;
    private final Runnable nudge;
    private final AtomicBoolean reconcileDue = new AtomicBoolean();
    private volatile boolean open = true;
    private volatile SessionState state = SessionState.STARTING;
    private int reconciliations;

    /** {@code nudge}: asks the keeper to check the session now (a business call saw 401). */
    public SessionGate(RiskGate risk, Runnable nudge) {
        this.risk = Objects.requireNonNull(risk, "risk");
        this.nudge = Objects.requireNonNull(nudge, "nudge");
    }

    @Override public void onSessionStateChanged(SessionState from, SessionState to, String reason) {
        state = to;
        if (to.tradable()) {
            if (from != SessionState.STARTING || !open) reconcileDue.set(true);
            open = true;
            return;
        }
        if (open)
            log.warn("session {}: orders paused and polling stopped until re-authentication and reconciliation ({})", to, reason);
        open = false;
        risk.setConnected(false);
    }

    /**
     * Wires a gate between {@code keeper} and the live path: state events close and reopen it, an order POST that got 401
     * nudges the keeper, and after every re-authentication (after {@code /iserver/accounts}) {@code afterLogin} runs
     * (re-prime snapshots, re-send question suppression).
     */
    public static SessionGate attach(io.ibex.session.SessionKeeper keeper, RiskGate risk, GatewayOrders orders,
                                     Runnable afterLogin) {
        SessionGate gate = new SessionGate(risk, keeper::nudge);
        keeper.afterAuthentication(afterLogin);
        keeper.addListener(gate);
        orders.onUnauthorized(() -> gate.unauthorized("an order POST"));
        return gate;
    }

    /**
     * A business call got 401: deny orders now, reconcile before the next bar, and let the keeper check at once
     * (single-flight on its side). Polling stops only when the keeper confirms the session is down: a 401 that the
     * keeper's tickle cannot reproduce must not park the runner forever.
     */
    public void unauthorized(String what) {
        log.warn("{} answered 401: orders paused, asking the session keeper to check now", what);
        risk.setConnected(false);
        reconcileDue.set(true);
        nudge.run();
    }

    /** On the loop thread: true once after a re-authentication or a 401, when the books must be reconciled again. */
    boolean takeReconcileDue() { return reconcileDue.getAndSet(false); }

    /** The loop reconciled successfully: count it and reopen the risk gate. */
    void reconciled(Reconciler.Report r) {
        reconciliations++;
        log.info("reconciled ({} new fills, {} intents resolved, frozen {}); trading resumes", r.newFills(), r.resolved(), r.frozen());
        risk.setConnected(true);
    }

    public boolean open() { return open; }

    public SessionState state() { return state; }

    /** Reconciliations run after re-authentications (not counting the runner's start). */
    public int reconciliations() { return reconciliations; }
}
