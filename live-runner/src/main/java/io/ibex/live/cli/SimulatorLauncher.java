package io.ibex.live.cli;

import io.ibex.live.gateway.GatewayClock;
import io.ibex.live.gateway.PinnedTls;
import io.ibex.live.sim.DemoMarket;
import io.ibex.live.sim.GatewaySimulator;
import io.ibex.live.sim.SessionState;
import io.ibex.live.sim.SimClock;

import java.net.URI;

/**
 * {@code --gateway sim}: starts the in-process gateway simulator ({@link DemoMarket}, as {@code ibex gateway-sim}: AAPL
 * from the shipped sample, logged in) on a free loopback port, pinned to its fresh certificate, for this one command.
 */
final class SimulatorLauncher {
    private SimulatorLauncher() {}

    static GatewaySession start(GatewayClock clock) {
        GatewaySimulator sim = DemoMarket.openAll(DemoMarket.builder(1).clock(SimClock.system()).port(0)
            .initialSession(SessionState.AUTHENTICATED).start());
        return GatewaySession.connect(URI.create(sim.rootUrl()), PinnedTls.fromTrustStore(sim.trustStore()), clock, sim);
    }
}
