package io.ibex.cli.account;

import io.ibex.data.BarSources;
import io.ibex.framework.domain.Bars;
import io.ibex.gateway.GatewayClock;
import io.ibex.gateway.PinnedTls;
import io.ibex.sim.Account;
import io.ibex.sim.GatewaySimulator;
import io.ibex.sim.PriceScript;
import io.ibex.sim.SessionState;
import io.ibex.sim.SimClock;
import io.ibex.sim.SimInstrument;

import java.net.URI;
import java.time.Duration;
import java.time.Instant;

/**
 * {@code data fetch --gateway sim}: a simulator whose AAPL history is the shipped 2013 daily sample at its own
 * dates, its clock stopped the day after the last bar, so that "the last year" is 2013.
 */
final class HistorySimulator {
    private HistorySimulator() {}

    static GatewaySession start(GatewayClock clock) {
        Bars aapl = BarSources.load("sample:aapl-2013", null, "AAPL");
        Instant after = Instant.ofEpochMilli(aapl.time(aapl.size() - 1)).plus(Duration.ofDays(1));
        GatewaySimulator sim = GatewaySimulator.builder().clock(SimClock.manual(after)).port(0).seed(1)
            .account(Account.paper("DU1234567").cash("USD", 1_000_000))
            .instrument(SimInstrument.aapl().prices(PriceScript.bars(aapl)))
            .initialSession(SessionState.AUTHENTICATED)
            .start();
        return GatewaySession.connect(URI.create(sim.rootUrl()), PinnedTls.fromTrustStore(sim.trustStore()), clock, sim);
    }
}
