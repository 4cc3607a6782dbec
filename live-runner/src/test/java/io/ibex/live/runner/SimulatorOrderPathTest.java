package io.ibex.live.runner;

import io.ibex.framework.domain.ClientOrderId;
import io.ibex.framework.domain.Instrument;
import io.ibex.framework.domain.OrderType;
import io.ibex.framework.domain.Side;
import io.ibex.framework.domain.TimeInForce;
import io.ibex.framework.event.OrderStatus;
import io.ibex.gateway.AccountId;
import io.ibex.gateway.GatewayClient;
import io.ibex.gateway.GatewayRateLimiter;
import io.ibex.gateway.GatewayTransport;
import io.ibex.gateway.ManualClock;
import io.ibex.gateway.PinnedTls;
import io.ibex.gateway.QuestionPolicy;
import io.ibex.live.journal.IntentDraft;
import io.ibex.live.journal.OrderJournal;
import io.ibex.live.risk.MarketView;
import io.ibex.live.risk.OrderCheck;
import io.ibex.live.risk.RiskGate;
import io.ibex.live.risk.RiskLimits;
import io.ibex.sim.Account;
import io.ibex.sim.GatewaySimulator;
import io.ibex.sim.PacingMode;
import io.ibex.sim.SessionState;
import io.ibex.sim.SimClock;
import io.ibex.sim.SimInstrument;
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
    GatewayOrders orders;
    final InstantSource clock = InstantSource.fixed(Instant.parse("2026-03-02T15:00:00Z"));
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
        orders = new GatewayOrders(client, account, QuestionPolicy.allowList(QuestionPolicy.DEFAULT_ALLOWED));
        journal = OrderJournal.open(dir.resolve("journal"), "r1", clock);
        router = router(journal);
    }

    OrderRouter router(OrderJournal j) {
        return new OrderRouter(j, risk(), orders, new ExposureBook(j), clock, d -> { }, OrderRouter.LookupPolicy.defaults(), false);
    }

    RiskGate risk() { return new RiskGate(RiskLimits.defaults(), clock, () -> false); }

    @AfterEach void stop() {
        journal.close();
        sim.close();
    }

    ClientOrderId placeLimit() { return placeLimit(router); }

    static ClientOrderId placeLimit(OrderRouter router) {
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

    @Test
    void aSecondJournalOnTheSameDayIssuesItsOwnCoidsAndNeverAdoptsTheFirstJournalsOrderOrExecution() {
        ClientOrderId first = placeLimit();
        try (OrderJournal other = OrderJournal.open(dir.resolve("other/journal"), "r1", clock)) {
            OrderRouter second = router(other);
            ClientOrderId mine = placeLimit(second);
            assertThat(mine).isNotEqualTo(first);                      // before issue 17.2 both were r1-20260302-1
            assertThat(other.find(mine).orElseThrow().status()).isEqualTo(OrderStatus.WORKING);
            assertThat(other.find(mine).orElseThrow().brokerOrderId())
                .isNotEqualTo(journal.find(first).orElseThrow().brokerOrderId());
            assertThat(sim.orders().withCoid(mine.value())).hasSize(1);

            sim.backend().fillWhileDown(Long.parseLong(journal.find(first).orElseThrow().brokerOrderId()), 1);
            assertThat(second.syncFills()).isEmpty();                 // the first journal's execution is not ours
            assertThat(other.fills()).isEmpty();
            Reconciler.Report r = new Reconciler(other, orders, second, new ExposureBook(other), risk()).reconcile(java.util.List.of(AAPL));
            assertThat(r.fills()).isEmpty();
            assertThat(other.intents()).singleElement().satisfies(i -> assertThat(i.id()).isEqualTo(mine));
            assertThat(router.syncFills()).singleElement().satisfies(f -> assertThat(f.orderId()).isEqualTo(first));
        }
    }
}
