package io.ibex.live.runner;

import io.ibex.live.gateway.GatewayException;
import io.ibex.live.gateway.GatewaySessionExpiredException;
import io.ibex.live.gateway.NoBridgeException;
import io.ibex.live.market.BarBuilder;
import io.ibex.live.market.QuoteFeed;
import io.ibex.live.market.StalenessGuard;
import io.ibex.live.risk.RiskGate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.InstantSource;

/**
 * One pass of the live loop, separate from its sleep so tests drive it on a manual clock: ask the {@link SessionGate}
 * (paused while the session is down; reconciles once after a re-authentication), poll snapshots, close due bars.
 * A 401 or "no bridge" anywhere in the pass (poll, fill sync, order lookups) goes to the gate, which nudges the keeper;
 * any other gateway failure marks the runner disconnected and the next good poll reconciles before trading resumes.
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
    private boolean connected = true;

    public LiveLoop(LiveRunner runner, SessionGate gate, RiskGate risk, QuoteFeed poller, BarBuilder builder,
                    StalenessGuard guard, InstantSource wall) {
        this.runner = runner;
        this.gate = gate;
        this.risk = risk;
        this.poller = poller;
        this.builder = builder;
        this.guard = guard;
        this.wall = wall;
    }

    /** One pass; true when it polled. */
    public boolean step() {
        try {
            if (!gate.admit(runner)) return false;
            long now = wall.millis();
            poller.poll(q -> {
                builder.onQuote(q, now);
                guard.onQuote(q);
            });
            if (!connected) {
                runner.reconnected();
                risk.setConnected(true);
                connected = true;
            }
            builder.advanceTo(wall.millis());
            return true;
        } catch (GatewaySessionExpiredException | NoBridgeException e) {
            gate.unauthorized(e instanceof NoBridgeException ? "the gateway (no bridge)" : "the gateway");
            return false;
        } catch (GatewayException e) {
            if (connected) log.warn("gateway unreachable ({}); orders paused until reconciliation", e.getMessage());
            risk.setConnected(false);
            connected = false;
            return false;
        }
    }

    /** Reachable and the session tradable. */
    public boolean connected() { return connected && gate.open(); }
}
