package io.ibex.live.runner;

import io.ibex.framework.domain.ClientOrderId;
import io.ibex.framework.domain.Instrument;
import io.ibex.framework.domain.OrderType;
import io.ibex.framework.domain.Side;
import io.ibex.framework.domain.TimeInForce;
import io.ibex.framework.event.OrderStatus;
import io.ibex.live.gateway.AccountId;
import io.ibex.live.gateway.GatewayClient;
import io.ibex.live.gateway.GatewayRateLimiter;
import io.ibex.live.gateway.GatewayTransport;
import io.ibex.live.gateway.ManualClock;
import io.ibex.live.gateway.PinnedTls;
import io.ibex.live.gateway.QuestionPolicy;
import io.ibex.live.journal.IntentDraft;
import io.ibex.live.journal.OrderJournal;
import io.ibex.live.risk.MarketView;
import io.ibex.live.risk.OrderCheck;
import io.ibex.live.risk.RiskGate;
import io.ibex.live.risk.RiskLimits;
import io.ibex.live.sim.Account;
import io.ibex.live.sim.GatewaySimulator;
import io.ibex.live.sim.PacingMode;
import io.ibex.live.sim.SessionState;
import io.ibex.live.sim.SimClock;
import io.ibex.live.sim.SimInstrument;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.math.BigDecimal;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The router over real HTTPS to the in-process gateway simulator (pinned certificate, Feign client, no retries):
 * the ambiguous-outcome scenarios F03/F13 end with exactly one order per cOID at the simulator.
 */
class SimulatorOrderPathTest {
    static final String ACCT = "DU1234567";
    static final Instrument AAPL = Instrument.of("AAPL");

    @TempDir Path dir;
    GatewaySimulator sim;
    OrderJournal journal;
    OrderRouter router;

    @BeforeEach void start() {
        sim = GatewaySimulator.builder().clock(SimClock.manual(Instant.parse("2026-03-02T15:00:00Z"))).pacing(PacingMode.OFF)
            .initialSession(SessionState.AUTHENTICATED).account(Account.paper(ACCT).cash("USD", 100_000))
            .instrument(SimInstrument.aapl()).start();
        ManualClock gclock = new ManualClock();
        GatewayTransport.Apis apis = GatewayTransport.build(URI.create(sim.rootUrl()), PinnedTls.fromTrustStore(sim.trustStore()),
            gclock, GatewayRateLimiter.ibkrDefaults(gclock), Duration.ofSeconds(5), Duration.ofSeconds(5));
        GatewayClient client = new GatewayClient(apis, gclock);
        AccountId account = client.resolveAccount(ACCT);
        client.snapshot(java.util.List.of(265598L), java.util.List.of(31));   // market data first, as the live loop does
        GatewayOrders orders = new GatewayOrders(client, account, QuestionPolicy.allowList(QuestionPolicy.DEFAULT_ALLOWED));
        InstantSource clock = InstantSource.fixed(Instant.parse("2026-03-02T15:00:00Z"));
        journal = OrderJournal.open(dir.resolve("journal"), "r1", clock);
        RiskGate risk = new RiskGate(RiskLimits.defaults(), clock, () -> false);
        router = new OrderRouter(journal, risk, orders, new ExposureBook(journal), clock, d -> { },
            OrderRouter.LookupPolicy.defaults(), false);
    }

    @AfterEach void stop() {
        journal.close();
        sim.close();
    }

    ClientOrderId placeLimit() {
        RouteResult r = router.place(new OrderCheck(AAPL, Side.BUY, 1, OrderType.LMT, 100, Double.NaN),
            q -> new IntentDraft("t", "1", "built-in", AAPL, Side.BUY, q, OrderType.LMT, new BigDecimal("100"), null, TimeInForce.DAY),
            MarketView.fresh(100), new BigDecimal("100000"));
        return ((RouteResult.Routed) r).id();
    }

    @Test
    void anOrderAcceptedBehindA503IsFoundByItsClientIdAndNotSentAgain() {
        sim.orders().acceptThenTimeout(1, Duration.ofMillis(50));
        ClientOrderId id = placeLimit();
        assertThat(journal.find(id).orElseThrow().status()).isNotIn(OrderStatus.UNKNOWN, OrderStatus.REJECTED);
        assertThat(journal.find(id).orElseThrow().attempts()).isEqualTo(1);
        assertThat(sim.orders().withCoid(id.value())).hasSize(1);
    }

    @Test
    void anOrderLostBehindA503IsResentWithTheSameClientIdOnce() {
        sim.orders().failThenTimeout(1, Duration.ofMillis(50));
        ClientOrderId id = placeLimit();
        assertThat(journal.find(id).orElseThrow().attempts()).isEqualTo(2);
        assertThat(journal.find(id).orElseThrow().status()).isNotIn(OrderStatus.UNKNOWN, OrderStatus.REJECTED);
        assertThat(sim.orders().withCoid(id.value())).hasSize(1);
    }
}
