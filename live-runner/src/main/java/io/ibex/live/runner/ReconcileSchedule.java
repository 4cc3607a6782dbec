package io.ibex.live.runner;

import io.ibex.session.alert.AlertEvent;
import io.ibex.gateway.GatewaySessionExpiredException;
import io.ibex.gateway.NoBridgeException;
import io.ibex.live.risk.RiskGate;
import io.ibex.session.AlertSink;
import io.ibex.session.Backoff;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.time.InstantSource;

/**
 * Reconciliation as the live loop runs it (P9, issue 17.3): due after a lost connection or a re-authentication; until an
 * attempt succeeds the risk gate stays closed and the loop neither polls nor closes a bar. A failed attempt (a null or
 * malformed answer, a dropped call, a journal error) never ends the runner: it is alerted and retried with capped
 * exponential back-off on the wall clock (1 s, 2 s, 4 s ... 60 s).
 */
final class ReconcileSchedule {
    private static final Logger log = LoggerFactory.getLogger(ReconcileSchedule.class);
    static final Duration FIRST_RETRY = Duration.ofSeconds(1);
    static final Duration MAX_RETRY = Duration.ofMinutes(1);

    private final LiveRunner runner;
    private final SessionGate gate;
    private final RiskGate risk;
    private final AlertSink alerts;
    private final InstantSource wall;
    private final Backoff backoff = new Backoff(FIRST_RETRY, MAX_RETRY);
    private boolean due;
    private long notBeforeMillis = Long.MIN_VALUE;
    private int failures;
    private String lastFailure;

    ReconcileSchedule(LiveRunner runner, SessionGate gate, RiskGate risk, AlertSink alerts, InstantSource wall) {
        this.runner = runner;
        this.gate = gate;
        this.risk = risk;
        this.alerts = alerts;
        this.wall = wall;
    }

    void markDue() { due = true; }

    boolean due() { return due; }

    /** Failed attempts since the last success. */
    int failures() { return failures; }

    /** Why the last attempt failed, or null. */
    String lastFailure() { return lastFailure; }

    /** True when nothing is due or this attempt succeeded; false while waiting for the next attempt or after a failure. */
    boolean settle() {
        if (gate.takeReconcileDue()) due = true;
        if (!due) return true;
        long now = wall.millis();
        if (now < notBeforeMillis) return false;
        Reconciler.Report r;
        try {
            r = runner.reconnected();
        } catch (RuntimeException e) {
            failed(now, e);
            return false;
        }
        due = false;
        if (failures > 0)
            alerts.resolve(AlertEvent.RECONCILIATION_FAILED, "", "reconciliation succeeded after " + failures + " failed attempt(s); trading resumes");
        failures = 0;
        lastFailure = null;
        backoff.reset();
        notBeforeMillis = Long.MIN_VALUE;
        for (io.ibex.framework.domain.Instrument in : r.frozen())
            alerts.raise(AlertEvent.INSTRUMENT_FROZEN, in.symbol(), in.symbol() + " frozen by reconciliation (position"
                + " mismatch with the broker): cancel-only until you check it");
        gate.reconciled(r);
        return true;
    }

    private void failed(long now, RuntimeException e) {
        failures++;
        lastFailure = e.getClass().getSimpleName() + ": " + e.getMessage();
        Duration wait = backoff.next();
        notBeforeMillis = now + wait.toMillis();
        risk.setConnected(false);
        if (e instanceof GatewaySessionExpiredException || e instanceof NoBridgeException) gate.unauthorized("reconciliation");
        log.warn("reconciliation failed (attempt {}): {}", failures, lastFailure);
        log.debug("reconciliation failure", e);
        alerts.raise(AlertEvent.RECONCILIATION_FAILED, "", "reconciliation failed (attempt " + failures + ": " + lastFailure + "); no orders and no bars until it"
            + " succeeds; next attempt in " + wait.toSeconds() + " s");
    }
}
