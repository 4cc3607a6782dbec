package io.ibex.gateway;

import io.ibex.framework.domain.ClientOrderId;
import io.ibex.framework.domain.Instrument;
import io.ibex.framework.domain.OrderRequest;
import io.ibex.framework.domain.Side;
import io.ibex.framework.event.OrderEvent;
import io.ibex.sim.Account;
import io.ibex.sim.GatewaySimulator;
import io.ibex.sim.PacingMode;
import io.ibex.sim.PriceScript;
import io.ibex.sim.Route;
import io.ibex.sim.SessionState;
import io.ibex.sim.SimClock;
import io.ibex.sim.SimInstrument;
import io.ibex.sim.TlsMode;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The client against the real simulator over pinned HTTPS: pre-flight, questions, faults, and no order sent twice. */
class GatewaySimulatorIntegrationTest {
    private static final String ACCOUNT = "DU1234567";
    private final ManualClock clock = new ManualClock();
    private final List<String> coids = new ArrayList<>();
    private GatewaySimulator sim;
    private GatewayClient client;

    @BeforeEach
    void start() {
        sim = GatewaySimulator.builder().clock(SimClock.manual(Instant.parse("2026-03-02T15:00:00Z"))).port(0).seed(7)
            .account(Account.paper(ACCOUNT).cash("USD", 1_000_000))
            .instrument(SimInstrument.aapl().prices(PriceScript.constant(189.60)))
            .instrument(SimInstrument.spy().prices(PriceScript.constant(470.00)))
            .initialSession(SessionState.AUTHENTICATED)
            .strict(true)
            .pacing(PacingMode.ENFORCE)
            .pacingClock(clock::nanoTime)
            .start();
        sim.market(265598).setClosed(false);
        client = clientFor(sim.rootUrl());
    }

    private GatewayClient clientFor(String root) {
        return new GatewayClient(GatewayTransport.build(URI.create(root), PinnedTls.fromTrustStore(sim.trustStore()), clock,
            GatewayRateLimiter.ibkrDefaults(clock), Duration.ofSeconds(3), Duration.ofSeconds(3)), clock);
    }

    @AfterEach
    void noOrderWasEverSentTwiceAndPacingHeld() {
        try {
            for (String coid : coids) assertThat(sim.journal().orderPostsWithCoid(coid)).as("POSTs of " + coid).hasSizeLessThanOrEqualTo(1);
            assertThat(sim.pacingViolations()).isEmpty();
            assertThat(sim.journal().countStatus(411)).isZero();
        } finally {
            sim.close();
        }
    }

    private String coid(String c) {
        coids.add(c);
        return c;
    }

    @Test
    void accountsPortfolioAndSnapshotWorkOverPinnedHttpsIncludingThePreflight() {
        AccountId account = client.resolveAccount(null);
        assertThat(account.value()).isEqualTo(ACCOUNT);
        assertThat(client.portfolioAccounts()).extracting(PortfolioAccount::id).contains(ACCOUNT);
        assertThat(client.summary(account)).containsKey("netliquidation");
        assertThat(client.ledger(account)).isNotEmpty();
        assertThat(client.positions(account)).isEmpty();
        long conid = client.resolveConid("AAPL");
        assertThat(conid).isEqualTo(265598L);

        List<SnapshotRow> rows = client.snapshot(List.of(conid), List.of(31, 84, 86));
        assertThat(rows.get(0).field(SnapshotFields.LAST)).isPresent();
        assertThat(sim.journal().count(Route.get("/iserver/marketdata/snapshot"))).as("pre-flight, then values").isGreaterThanOrEqualTo(2);
        assertThat(sim.journal().entries()).allSatisfy(e -> assertThat(e.headers().keySet().stream().map(String::toLowerCase))
            .contains("user-agent"));
    }

    @Test
    void aQuestionChainIsAnsweredAndTheOrderIsPlacedThenFoundByCoid() {
        AccountId account = client.resolveAccount(null);
        long conid = client.resolveConid("AAPL");
        client.snapshot(List.of(conid), List.of(31)); // without it the gateway asks o354, which the allow-list declines
        sim.questions().forceNext("o163", "o383");
        PlaceOrderReply reply = client.placeOrder(OrderTickets.limit(account.value(), conid, coid("it-q1"), "189.00"),
            QuestionPolicy.allowList(QuestionPolicy.DEFAULT_ALLOWED));
        assertThat(reply).isInstanceOf(PlaceOrderReply.Placed.class);
        assertThat(sim.journal().count(Route.post("/iserver/reply/*"))).isGreaterThanOrEqualTo(1);
        assertThat(sim.orders().withCoid("it-q1")).hasSize(1);
        List<OrderEvent> events = new CopyOnWriteArrayList<>();
        IbkrBroker broker = new IbkrBroker(client, account, events::add, clock, QuestionPolicy.allowList(QuestionPolicy.DEFAULT_ALLOWED));
        assertThat(broker.lookupByCoid(new ClientOrderId("it-q1"))).map(OrderLookup::brokerOrderId)
            .contains(((PlaceOrderReply.Placed) reply).orderId());
    }

    @Test
    void aRejectionArrivesAsHttp200AndBecomesARejectedEvent() {
        AccountId account = client.resolveAccount(null);
        client.snapshot(List.of(265598L), List.of(31));
        sim.orders().rejectNext("We cannot accept an order at the limit price you selected.");
        List<OrderEvent> events = new CopyOnWriteArrayList<>();
        IbkrBroker broker = new IbkrBroker(client, account, events::add, clock, QuestionPolicy.allowList(QuestionPolicy.DEFAULT_ALLOWED));
        broker.submit(OrderRequest.market(new ClientOrderId(coid("it-rej")), Instrument.of("AAPL"), Side.BUY, BigDecimal.ONE));
        assertThat(events).last().isInstanceOfSatisfying(OrderEvent.Rejected.class,
            r -> assertThat(r.reason()).contains("limit price"));
        assertThat(sim.journal().last(Route.post("/iserver/account/*/orders")).status()).isEqualTo(200);
    }

    @Test
    void aDroppedConnectionAfterAcceptanceIsAnUnknownOutcomeResolvedByCoidWithoutResending() {
        AccountId account = client.resolveAccount(null);
        client.snapshot(List.of(265598L), List.of(31));
        sim.orders().acceptThenDrop();
        List<OrderEvent> events = new CopyOnWriteArrayList<>();
        IbkrBroker broker = new IbkrBroker(client, account, events::add, clock, QuestionPolicy.allowList(QuestionPolicy.DEFAULT_ALLOWED));
        OrderRequest order = OrderRequest.market(new ClientOrderId(coid("it-drop")), Instrument.of("AAPL"), Side.BUY, BigDecimal.ONE);

        assertThatThrownBy(() -> broker.submit(order)).isInstanceOf(OrderOutcomeUnknownException.class).hasMessageContaining("it-drop");
        broker.submit(order); // a second submit of the same id sends nothing
        assertThat(broker.lookupByCoid(order.id())).isPresent();
        assertThat(sim.orders().withCoid("it-drop")).hasSize(1);
    }

    @Test
    void a503OnAnOrderPostIsSentOnceEvenWithRetryAfter() {
        AccountId account = client.resolveAccount(null);
        sim.faults().on(Route.post("/iserver/account/*/orders")).times(1).respond(503, "", "Retry-After: 0");
        assertThatThrownBy(() -> client.placeOrder(OrderTickets.market(account.value(), 265598, coid("it-503")), q -> true))
            .isInstanceOf(OrderOutcomeUnknownException.class);
        assertThat(sim.journal().count(Route.post("/iserver/account/*/orders"))).isEqualTo(1);
    }

    @Test
    void statusFaultsMapToTypedExceptionsAndGetsRetryOnlyOn5xx() {
        sim.faults().on(Route.get("/iserver/accounts")).times(1).respond(401, "");
        assertThatThrownBy(client::brokerageAccounts).isInstanceOf(GatewaySessionExpiredException.class);
        sim.faults().on(Route.get("/iserver/accounts")).times(1).respond(500, "{\"error\":\"boom\"}");
        assertThat(client.brokerageAccounts().selected()).as("one 500 is retried").isEqualTo(ACCOUNT);
        sim.faults().on(Route.get("/iserver/secdef/search")).times(1).noBridge();
        assertThatThrownBy(() -> client.search("AAPL")).isInstanceOf(NoBridgeException.class);
        sim.faults().on(Route.get("/portfolio/accounts")).times(1).status429();
        assertThatThrownBy(client::portfolioAccounts).isInstanceOf(RateLimitedException.class);
        int before = sim.journal().entries().size();
        assertThatThrownBy(client::brokerageAccounts).as("penalty box: not even sent").isInstanceOf(RateLimitedException.class);
        assertThat(sim.journal().entries()).hasSize(before);
    }

    @Test
    void theShippedStyleExpiredCertificateIsRefusedWhenNotPinned() {
        try (GatewaySimulator shipped = GatewaySimulator.builder().tls(TlsMode.SHIPPED_STYLE).port(0)
                .initialSession(SessionState.AUTHENTICATED).start()) {
            assertThatThrownBy(() -> clientFor(shipped.rootUrl()).brokerageAccounts())
                .isInstanceOf(GatewayUnreachableException.class).hasMessageContaining("TLS");
            assertThat(shipped.journal().entries()).isEmpty();
        }
    }
}
