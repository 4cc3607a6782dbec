package io.ibex.cli.account;

import io.ibex.gateway.GatewayClock;
import io.ibex.gateway.PinnedTls;
import io.ibex.sim.DemoMarket;
import io.ibex.sim.GatewaySimulator;
import io.ibex.sim.SessionState;
import io.ibex.sim.SimClock;

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
