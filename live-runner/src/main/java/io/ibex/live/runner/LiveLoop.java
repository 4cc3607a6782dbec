package io.ibex.live.runner;

import io.ibex.gateway.GatewayException;
import io.ibex.gateway.GatewaySessionExpiredException;
import io.ibex.gateway.NoBridgeException;
import io.ibex.live.market.BarBuilder;
import io.ibex.live.market.Quote;
import io.ibex.live.market.QuoteFeed;
import io.ibex.live.market.StalenessGuard;
import io.ibex.live.risk.RiskGate;
import io.ibex.session.AlertSink;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.InstantSource;
import java.util.ArrayList;
import java.util.List;

/**
 * One pass of the live loop, separate from its sleep so tests drive it on a manual clock: ask the {@link SessionGate}
 * (paused while the session is down), reconcile when due ({@link ReconcileSchedule}: after a re-authentication or a lost
 * connection; retried with back-off, no poll and no bar until it succeeds), poll snapshots, fetch executions once if their
 * pacing allows it now (never waiting: market data must not queue behind the 1-per-5 s trades limit), then hand the
 * quotes to the bar builder, which closes due bars.
 * A 401 or "no bridge" anywhere in the pass goes to the gate, which nudges the keeper; any other gateway failure marks
 * the runner disconnected and the next pass reconciles before trading resumes.
 */
public final class LiveLoop {
    private static final Logger log = LoggerFactory.getLogger(LiveLoop.class);

    private final LiveRunner runner;
    private final SessionGate gate;
    private final RiskGate risk;
    private final QuoteFeed poller;
    private final BarBuilder builder;
    private final StalenessGuard guard;
    private final InstantSource wall;
    private final ReconcileSchedule reconcile;

    public LiveLoop(LiveRunner runner, SessionGate gate, RiskGate risk, QuoteFeed poller, BarBuilder builder,
                    StalenessGuard guard, InstantSource wall, AlertSink alerts) {
        this.runner = runner;
        this.gate = gate;
        this.risk = risk;
        this.poller = poller;
        this.builder = builder;
        this.guard = guard;
        this.wall = wall;
        this.reconcile = new ReconcileSchedule(runner, gate, risk, alerts, wall);
    }

    /** One pass; true when it polled. */
    public boolean step() {
        try {
            if (!gate.open() || !reconcile.settle()) return false;
            long now = wall.millis();
            List<Quote> quotes = new ArrayList<>();
            poller.poll(quotes::add);
            runner.deliverFillsIfReady();       // before the quotes close bars: the strategy sees its fills first
            for (Quote q : quotes) {
                builder.onQuote(q, now);
                guard.onQuote(q);
            }
            builder.advanceTo(wall.millis());
            return true;
        } catch (GatewaySessionExpiredException | NoBridgeException e) {
            gate.unauthorized(e instanceof NoBridgeException ? "the gateway (no bridge)" : "the gateway");
            return false;
        } catch (GatewayException e) {
            if (!reconcile.due()) log.warn("gateway unreachable ({}); orders paused until reconciliation", e.getMessage());
            risk.setConnected(false);
            reconcile.markDue();
            return false;
        }
    }

    /** Reachable, reconciled and the session tradable. */
    public boolean connected() { return !reconcile.due() && gate.open(); }

    /** For the status line: empty when reconciled, else why trading is paused. */
    public String reconcileNote() {
        if (!reconcile.due()) return "";
        return reconcile.failures() == 0 ? "reconciliation due"
            : "reconciliation FAILED " + reconcile.failures() + "x (" + reconcile.lastFailure() + "), retrying";
    }
}
