package io.ibex.gateway.contract;

import io.ibex.framework.domain.ClientOrderId;
import io.ibex.framework.domain.Instrument;
import io.ibex.framework.domain.OrderRequest;
import io.ibex.framework.domain.Side;
import io.ibex.framework.event.OrderEvent;
import io.ibex.framework.port.RecordingSink;
import io.ibex.gateway.AccountId;
import io.ibex.gateway.GatewayClient;
import io.ibex.gateway.GatewayRateLimiter;
import io.ibex.gateway.GatewaySessionExpiredException;
import io.ibex.gateway.GatewayTransport;
import io.ibex.gateway.GatewayUnavailableException;
import io.ibex.gateway.GatewayUnreachableException;
import io.ibex.gateway.IbkrBroker;
import io.ibex.gateway.ManualClock;
import io.ibex.gateway.NoBridgeException;
import io.ibex.gateway.OrderOutcomeUnknownException;
import io.ibex.gateway.PinnedTls;
import io.ibex.gateway.QuestionPolicy;
import io.ibex.sim.Account;
import io.ibex.sim.ExpiryReason;
import io.ibex.sim.GatewaySimulator;
import io.ibex.sim.PriceScript;
import io.ibex.sim.Route;
import io.ibex.sim.SessionState;
import io.ibex.sim.SimClock;
import io.ibex.sim.SimInstrument;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * One injected gateway fault per test, over real HTTPS to the simulator: what the user of {@link IbkrBroker} sees
 * (exception type and message, or event), and that no order ever reaches the gateway twice (simulator journal).
 * Each test finally submits the same order again: the broker must not send it again whatever happened.
 */
class IbkrBrokerFaultScenariosTest {
    private static final Route ORDER_POST = Route.post("/iserver/account/*/orders");
    private static final Duration READ_TIMEOUT = Duration.ofSeconds(2);

    private GatewaySimulator sim;
    private GatewayClient client;
    private IbkrBroker broker;
    private final RecordingSink sink = new RecordingSink();
    private final OrderRequest order = OrderRequest.market(new ClientOrderId("fault-1"), Instrument.of("AAPL"), Side.BUY, BigDecimal.TEN);

    @BeforeEach void start() {
        sim = GatewaySimulator.builder().clock(SimClock.manual(Instant.parse("2026-03-02T15:00:00Z")))
            .initialSession(SessionState.AUTHENTICATED).stepDriven().defaultQuestions(false)
            .account(Account.paper("DU1234567").cash("USD", 1_000_000))
            .instrument(SimInstrument.aapl().prices(PriceScript.constant(100.00))).start();
        ManualClock clock = new ManualClock();
        client = new GatewayClient(GatewayTransport.build(URI.create(sim.rootUrl()), PinnedTls.fromTrustStore(sim.trustStore()),
            clock, GatewayRateLimiter.ibkrDefaults(clock), Duration.ofSeconds(2), READ_TIMEOUT), clock);
        AccountId account = client.resolveAccount(null);
        client.resolveConid("AAPL"); // cached: the faults below hit the order itself
        broker = new IbkrBroker(client, account, sink, clock, QuestionPolicy.allowList(QuestionPolicy.DEFAULT_ALLOWED));
    }

    @AfterEach void stop() { sim.close(); }

    private int posts() { return sim.journal().orderPostsWithCoid(order.id().value()).size(); }

    private int ordersAtIbkr() { return sim.orders().withCoid(order.id().value()).size(); }

    /** Whatever happened, the same id again sends nothing. */
    private void resubmitSendsNothing(int postsBefore) {
        try {
            broker.submit(order);
        } catch (RuntimeException ignored) {
            // a repeat may still fail; what matters is that nothing more reached the gateway
        }
        assertThat(posts()).as("order POSTs with cOID fault-1").isEqualTo(postsBefore);
    }

    @Test
    void unauthorizedOnTheOrderPostIsAnUnknownOutcomeNamingTheOrderAndNeverResent() {
        sim.faults().on(ORDER_POST).times(1).respond(401, "{\"error\":\"not authenticated\",\"statusCode\":401}");
        assertThatThrownBy(() -> broker.submit(order)).isInstanceOf(OrderOutcomeUnknownException.class)
            .hasMessageContaining("fault-1").hasMessageContaining("401");
        assertThat(posts()).isEqualTo(1);
        assertThat(ordersAtIbkr()).isZero();
        assertThat(broker.lookupByCoid(order.id())).isEmpty();
        resubmitSendsNothing(1);
    }

    @Test
    void tooManyRequestsOnTheOrderPostIsARejectionAndNothingIsPlaced() {
        sim.faults().on(ORDER_POST).times(1).status429();
        broker.submit(order);
        assertThat(sink.forOrder(order.id())).last().isInstanceOfSatisfying(OrderEvent.Rejected.class,
            r -> assertThat(r.reason()).contains("429").contains("Too many requests"));
        assertThat(posts()).isEqualTo(1);
        assertThat(ordersAtIbkr()).isZero();
        resubmitSendsNothing(1);
    }

    @Test
    void aServerErrorOnTheOrderPostIsAnUnknownOutcomeAndIsNotRetried() {
        sim.faults().on(ORDER_POST).times(1).respond(500, "{\"error\":\"System error\"}");
        assertThatThrownBy(() -> broker.submit(order)).isInstanceOf(OrderOutcomeUnknownException.class)
            .hasMessageContaining("fault-1").hasMessageContaining("System error");
        assertThat(posts()).isEqualTo(1);
        resubmitSendsNothing(1);
    }

    @Test
    void aServiceUnavailableReadIsRetriedAndTheUserSeesTheAnswer() {
        sim.faults().on(Route.get("/portfolio/*/positions/*")).times(1).respond(503, "");
        broker.submit(order); // fills at once at the ask
        assertThat(broker.positions()).singleElement().satisfies(p -> assertThat(p.quantity()).isEqualByComparingTo("10"));
        assertThat(sim.journal().count(Route.get("/portfolio/*/positions/*"))).isEqualTo(2);
        assertThat(posts()).isEqualTo(1);
        resubmitSendsNothing(1);
    }

    @Test
    void latencyBeyondTheReadTimeoutOnTheOrderPostIsAnUnknownOutcomeResolvedByCoid() throws InterruptedException {
        sim.faults().on(ORDER_POST).times(1).latency(READ_TIMEOUT.multipliedBy(2));
        CountDownLatch answered = new CountDownLatch(1);
        sim.journal().onEntry(e -> { if (e.method().equals("POST") && e.path().endsWith("/orders")) answered.countDown(); });
        assertThatThrownBy(() -> broker.submit(order)).isInstanceOf(OrderOutcomeUnknownException.class)
            .hasMessageContaining("fault-1").hasMessageContaining("NOT resent");
        assertThat(answered.await(10, TimeUnit.SECONDS)).as("the simulator finished the slow POST").isTrue();
        assertThat(posts()).isEqualTo(1);
        assertThat(broker.lookupByCoid(order.id())).as("the slow POST was placed after all").isPresent();
        assertThat(ordersAtIbkr()).isEqualTo(1);
        resubmitSendsNothing(1);
    }

    @Test
    void aDroppedConnectionOnTheOrderPostIsAnUnknownOutcomeAndNothingWasPlaced() {
        sim.faults().on(ORDER_POST).times(1).dropConnection();
        assertThatThrownBy(() -> broker.submit(order)).isInstanceOf(OrderOutcomeUnknownException.class)
            .hasMessageContaining("fault-1");
        assertThat(posts()).isEqualTo(1);
        assertThat(ordersAtIbkr()).isZero();
        assertThat(broker.lookupByCoid(order.id())).isEmpty();
        resubmitSendsNothing(1);
    }

    @Test
    void anExpiredSessionRefusesTheOrderAndTheUserIsToldToLogIn() {
        sim.session().expire(ExpiryReason.MAX_AGE);
        // the client treats every failed order POST except 429 and plain 4xx as "outcome unknown": safe, never resent
        assertThatThrownBy(() -> broker.submit(order)).isInstanceOf(OrderOutcomeUnknownException.class)
            .hasCauseInstanceOf(GatewaySessionExpiredException.class).hasMessageContaining("fault-1").hasMessageContaining("log in");
        assertThat(posts()).isEqualTo(1);
        assertThat(ordersAtIbkr()).isZero();
        resubmitSendsNothing(1);
    }

    @Test
    void theNightlyResetOutageIsReportedAsUnavailableAndNoOrderIsPlaced() {
        sim.nightlyResetNow();
        assertThatThrownBy(() -> broker.submit(order)).isInstanceOf(OrderOutcomeUnknownException.class)
            .hasCauseInstanceOf(GatewayUnavailableException.class).hasMessageContaining("503").hasMessageContaining("nightly reset");
        assertThat(posts()).isEqualTo(1);
        assertThat(ordersAtIbkr()).isZero();
        resubmitSendsNothing(1);
    }

    @Test
    void noBridgeSaysTheBrokerageSessionIsClosedAndNoOrderIsPlaced() {
        sim.session().brokerageTimeout();
        assertThatThrownBy(() -> broker.submit(order)).isInstanceOf(OrderOutcomeUnknownException.class)
            .hasCauseInstanceOf(NoBridgeException.class).hasMessageContaining("no bridge").hasMessageContaining("ibex auth login");
        assertThat(posts()).isEqualTo(1);
        assertThat(ordersAtIbkr()).isZero();
        resubmitSendsNothing(1);
    }

    @Test
    void aCompetingSessionIsReportedAsSessionLostAndNoOrderIsPlaced() {
        sim.session().competeFromElsewhere();
        assertThatThrownBy(() -> broker.submit(order)).isInstanceOf(OrderOutcomeUnknownException.class)
            .hasCauseInstanceOf(GatewaySessionExpiredException.class).hasMessageContaining("401").hasMessageContaining("other login");
        assertThat(posts()).isEqualTo(1);
        assertThat(ordersAtIbkr()).isZero();
        resubmitSendsNothing(1);
    }

    @Test
    void anOrderAcceptedWhoseAnswerIsLostIsUnknownThenFoundByCoidAndNeverSentTwice() {
        sim.orders().acceptThenTimeout(1, Duration.ofMillis(200));
        assertThatThrownBy(() -> broker.submit(order)).isInstanceOf(OrderOutcomeUnknownException.class)
            .hasMessageContaining("fault-1");
        assertThat(posts()).isEqualTo(1);
        assertThat(ordersAtIbkr()).isEqualTo(1);
        assertThat(broker.lookupByCoid(order.id())).hasValueSatisfying(o -> assertThat(o.brokerOrderId()).isNotEmpty());
        resubmitSendsNothing(1);
    }

    @Test
    void aReadThatIsDroppedOnceIsRetriedAndAGatewayThatIsDownIsNamedUnreachable() {
        sim.faults().on(Route.get("/iserver/account/orders")).times(1).dropConnection();
        assertThat(broker.openOrders()).isEmpty();
        sim.stopGateway();
        assertThatThrownBy(() -> broker.positions()).isInstanceOf(GatewayUnreachableException.class)
            .hasMessageContaining("--gateway");
        sim.startGateway();
    }
}
