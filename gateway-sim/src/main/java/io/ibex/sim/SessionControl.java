package io.ibex.sim;

import java.util.Objects;

/** Domain faults on the session (§5.1): expire, brokerage timeout, competing login, or any state directly. */
public final class SessionControl {
    private final GatewaySimulator sim;

    SessionControl(GatewaySimulator sim) { this.sim = sim; }

    /** The current state; NOT_RUNNING while the gateway is stopped. */
    public SessionState state() {
        synchronized (sim.lock) { return sim.visibleState(); }
    }

    public ExpiryReason expiryReason() {
        synchronized (sim.lock) { return sim.expiryReason; }
    }

    /** The brokerage epoch: bumped on every entry into AUTHENTICATED. */
    public long epoch() {
        synchronized (sim.lock) { return sim.epochNumber(); }
    }

    public String sessionId() {
        synchronized (sim.lock) { return sim.sessionId; }
    }

    public boolean connected() {
        synchronized (sim.lock) { return sim.hasSso() && sim.brokerageConnected; }
    }

    /** Moves to any §3.1 state; AUTHENTICATED from no session counts as a fresh SSO login. */
    public void set(SessionState state) {
        Objects.requireNonNull(state, "state");
        synchronized (sim.lock) {
            if (state == SessionState.NOT_RUNNING) { sim.stopGateway(); return; }
            if (!sim.running) sim.startGateway();
            if (!sim.hasSso() && state != SessionState.UNAUTHENTICATED && state != SessionState.EXPIRED) sim.newSsoLogin(false);
            if (state == SessionState.EXPIRED) sim.expire(ExpiryReason.MANUAL);
            else if (sim.state != state || state == SessionState.AUTHENTICATED) sim.setState(state);
        }
    }

    /** A completed browser/IBeam login: new session id and epoch (COMPETING when {@code competing}). */
    public void login(boolean competing) {
        synchronized (sim.lock) { sim.newSsoLogin(competing); }
    }

    public void expire(ExpiryReason reason) {
        synchronized (sim.lock) { sim.expire(Objects.requireNonNull(reason, "reason")); }
    }

    /** AUTHENTICATED → BROKERAGE_DOWN with connected=true, as the idle timer does. */
    public void brokerageTimeout() {
        synchronized (sim.lock) {
            if (sim.hasSso()) sim.setState(SessionState.BROKERAGE_DOWN);
        }
    }

    public void competeFromElsewhere() {
        synchronized (sim.lock) {
            if (sim.hasSso()) sim.setState(SessionState.COMPETING);
        }
    }
}
