package io.ibex.gateway.contract;

import io.ibex.framework.domain.Instrument;
import io.ibex.framework.port.Broker;
import io.ibex.framework.port.BrokerContract;
import io.ibex.framework.port.RecordingSink;
import io.ibex.gateway.AccountId;
import io.ibex.gateway.GatewayClient;
import io.ibex.gateway.GatewayRateLimiter;
import io.ibex.gateway.GatewayTransport;
import io.ibex.gateway.IbkrBroker;
import io.ibex.gateway.ManualClock;
import io.ibex.gateway.PinnedTls;
import io.ibex.gateway.QuestionPolicy;
import io.ibex.sim.Account;
import io.ibex.sim.GatewaySimulator;
import io.ibex.sim.PacingMode;
import io.ibex.sim.PriceScript;
import io.ibex.sim.SessionState;
import io.ibex.sim.SimClock;
import io.ibex.sim.SimInstrument;
import io.ibex.sim.Tick;
import org.junit.jupiter.api.AfterEach;

import java.math.BigDecimal;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * {@link IbkrBroker} passes the same contract as the simulated broker: real HTTPS (pinned certificate) to an
 * in-process {@link GatewaySimulator} on a manual clock, AAPL stepped tick by tick around 100.
 */
class IbkrBrokerContractTest extends BrokerContract {
    private static final Instant MONDAY_10AM_NY = Instant.parse("2026-03-02T15:00:00Z");
    private static final long AAPL = 265598;

    private GatewaySimulator sim;
    private IbkrBroker broker;

    @Override protected Broker brokerEmittingTo(RecordingSink sink) {
        sim = GatewaySimulator.builder().clock(SimClock.manual(MONDAY_10AM_NY)).pacing(PacingMode.RECORD)
            .initialSession(SessionState.AUTHENTICATED).stepDriven().defaultQuestions(false)
            .account(Account.paper("DU1234567").cash("USD", 100_000))
            .instrument(SimInstrument.aapl().prices(PriceScript.ticks(path(40))))
            .start();
        ManualClock clock = new ManualClock();
        GatewayTransport.Apis apis = GatewayTransport.build(URI.create(sim.rootUrl()), PinnedTls.fromTrustStore(sim.trustStore()),
            clock, GatewayRateLimiter.ibkrDefaults(clock), Duration.ofSeconds(5), Duration.ofSeconds(5));
        GatewayClient client = new GatewayClient(apis, clock);
        AccountId account = client.resolveAccount(null);
        broker = new IbkrBroker(client, account, sink, clock, QuestionPolicy.allowList(QuestionPolicy.DEFAULT_ALLOWED));
        return broker;
    }

    @AfterEach void stop() { if (sim != null) sim.close(); }

    @Override protected Instrument instrument() { return Instrument.of("AAPL"); }

    /** Next tick; past the simulator's cancel delay; then the broker reads executions and order states. */
    @Override protected void advanceMarket() {
        sim.market(AAPL).step();
        sim.clock().advance(Duration.ofSeconds(1));
        broker.poll();
    }

    @Override protected BigDecimal farBelowMarket() { return new BigDecimal("50.00"); }

    /** Lasts oscillating a few cents around 100, bid/ask one cent either side, plenty of size. */
    private static List<Tick> path(int n) {
        List<Tick> ticks = new ArrayList<>();
        long vol = 0;
        for (int i = 0; i < n; i++) {
            double last = Math.round((100.00 + (i % 3) * 0.05) * 100) / 100.0;
            vol += 100;
            ticks.add(new Tick(MONDAY_10AM_NY.toEpochMilli() + i, last, Math.round((last - 0.01) * 100) / 100.0,
                Math.round((last + 0.01) * 100) / 100.0, 700, 700, 100, vol));
        }
        return ticks;
    }
}
