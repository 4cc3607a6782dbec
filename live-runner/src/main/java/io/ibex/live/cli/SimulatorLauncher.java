package io.ibex.live.cli;

import io.ibex.live.gateway.GatewayClock;
import io.ibex.live.gateway.PinnedTls;
import io.ibex.live.sim.Account;
import io.ibex.live.sim.GatewaySimulator;
import io.ibex.live.sim.PriceScript;
import io.ibex.live.sim.SessionState;
import io.ibex.live.sim.SimClock;
import io.ibex.live.sim.SimInstrument;

import java.net.URI;

/**
 * {@code --gateway sim}: starts the in-process gateway simulator (paper account DU1234567, AAPL/SPY/IBKR/MSFT on seeded
 * random walks, markets open, logged in) on a free loopback port, pinned to its fresh certificate, for this one command.
 */
final class SimulatorLauncher {
    private SimulatorLauncher() {}

    static GatewaySession start(GatewayClock clock) {
        GatewaySimulator sim = GatewaySimulator.builder().clock(SimClock.system()).port(0).seed(1)
            .account(Account.paper("DU1234567").cash("USD", 1_000_000))
            .instrument(SimInstrument.aapl().prices(PriceScript.randomWalk(1, 189.60, 5)))
            .instrument(SimInstrument.spy().prices(PriceScript.randomWalk(2, 470.00, 3)))
            .instrument(SimInstrument.ibkr().prices(PriceScript.randomWalk(3, 95.00, 5)))
            .instrument(SimInstrument.msft().prices(PriceScript.randomWalk(4, 415.00, 4)))
            .initialSession(SessionState.AUTHENTICATED)
            .start();
        // a demo should fill orders whenever it runs, not only during New York trading hours
        for (long conid : new long[] {265598, 756733, 43645865, 272093}) sim.market(conid).setClosed(false);
        return GatewaySession.connect(URI.create(sim.rootUrl()), PinnedTls.fromTrustStore(sim.trustStore()), clock, sim);
    }
}
