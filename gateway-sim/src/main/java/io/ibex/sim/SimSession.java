package io.ibex.sim;

import java.util.HexFormat;

/** The session's state machine (docs/gateway-simulator.md §3): logins, transitions, expiry and the nightly reset. */
final class SimSession {
    private SimSession() {}

    /** A fresh SSO login (browser/IBeam): new session id, login time; AUTHENTICATED or COMPETING. */
    static void newSsoLogin(GatewaySimulator sim, boolean competing) {
        byte[] id = new byte[16];
        sim.random.nextBytes(id);
        sim.sessionId = HexFormat.of().formatHex(id);
        sim.loginAtMillis = sim.nowMillis();
        sim.lastRequestMillis = sim.loginAtMillis;
        sim.expiryReason = null;
        if (competing) sim.setState(SessionState.COMPETING);
        else sim.setState(SessionState.AUTHENTICATED);
    }

    static void setState(GatewaySimulator sim, SessionState s) {
        switch (s) {
            case AUTHENTICATED -> {
                sim.epoch = new BrokerageEpoch(++sim.epochCounter, sim.nowMillis());
                sim.brokerageConnected = true;
                for (PendingReply r : sim.replies.values())
                    if (r.state == PendingReply.State.PENDING) r.state = PendingReply.State.INVALIDATED;
            }
            case BROKERAGE_DOWN -> sim.brokerageConnected = true;
            case COMPETING -> sim.brokerageConnected = true;
            case UNAUTHENTICATED, EXPIRED -> { sim.brokerageConnected = false; sim.epoch = null; }
            case NOT_RUNNING -> { sim.stopGateway(); return; }
        }
        sim.state = s;
        if (sim.sessionId == null && sim.hasSso()) {
            byte[] id = new byte[16];
            sim.random.nextBytes(id);
            sim.sessionId = HexFormat.of().formatHex(id);
            sim.loginAtMillis = sim.nowMillis();
        }
    }

    static void expire(GatewaySimulator sim, ExpiryReason reason) {
        sim.setState(SessionState.EXPIRED);
        sim.expiryReason = reason;
    }

    static void nightlyResetAt(GatewaySimulator sim, long at) {
        sim.expire(ExpiryReason.NIGHTLY_RESET);
        sim.outageUntilMillis = at + sim.options.resetOutage.toMillis();
    }

    /** The gateway restarts: the session and the epoch's caches are lost; it listens again after the startup delay. */
    static void restart(GatewaySimulator sim) {
        sim.stopGateway();
        sim.state = SessionState.UNAUTHENTICATED;
        sim.epoch = null;
        sim.sessionId = null;
        sim.replies.values().forEach(r -> { if (r.state == PendingReply.State.PENDING) r.state = PendingReply.State.INVALIDATED; });
        sim.schedule(sim.options.gatewayStartupDelay, sim::startGateway);
    }

    static SimResponse requireAccountsFirst(GatewaySimulator sim) {
        if (sim.options.strict && sim.options.requireAccountsFirst && sim.epoch != null && !sim.epoch.accountsQueried)
            return SimResponse.errorObject(400, "call /iserver/accounts first");
        return null;
    }
}
