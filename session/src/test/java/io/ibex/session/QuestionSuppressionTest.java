package io.ibex.session;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.ibex.framework.domain.Side;
import io.ibex.framework.error.ConfigException;
import io.ibex.gateway.GatewayClient;
import io.ibex.gateway.GatewayClock;
import io.ibex.gateway.GatewayRateLimiter;
import io.ibex.gateway.GatewayTransport;
import io.ibex.gateway.OrderTicket;
import io.ibex.gateway.PinnedTls;
import io.ibex.gateway.PlaceOrderReply;
import io.ibex.gateway.QuestionPolicy;
import io.ibex.gateway.QuestionSuppression;
import io.ibex.sim.Account;
import io.ibex.sim.GatewaySimulator;
import io.ibex.sim.PacingMode;
import io.ibex.sim.PriceScript;
import io.ibex.sim.Route;
import io.ibex.sim.SimClock;
import io.ibex.sim.SimInstrument;
import java.math.BigDecimal;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.Set;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Question suppression through the session keeper against the simulator: sent at session start and again after a
 * re-login (the gateway forgets it with the brokerage session), honoured by the simulator, and a question that is not
 * allowed still fails the order closed with its text.
 */
class QuestionSuppressionTest {
    static final Route SUPPRESS = Route.post("/iserver/questions/suppress");
    static final Route REPLY = Route.post("/iserver/reply/*");
    final GatewaySimulator sim = GatewaySimulator.builder().clock(SimClock.manual(Instant.parse("2026-03-02T15:00:00Z")))
        .pacing(PacingMode.OFF).initialSession(io.ibex.sim.SessionState.AUTHENTICATED)
        .account(Account.paper("DU1234567").cash("USD", 1_000_000))
        .instrument(SimInstrument.aapl().prices(PriceScript.constant(100.00))).start();
    final SimTime time = new SimTime(sim.clock());
    final GatewayClient client = new GatewayClient(GatewayTransport.build(URI.create(sim.rootUrl()),
        PinnedTls.fromTrustStore(sim.trustStore()), GatewayClock.SYSTEM, GatewayRateLimiter.ibkrDefaults(GatewayClock.SYSTEM),
        Duration.ofSeconds(10), Duration.ofSeconds(10)), GatewayClock.SYSTEM);
    SessionKeeper keeper;

    @AfterEach void close() {
        if (keeper != null) keeper.stop();
        sim.close();
    }

    void keeper() {
        Authenticator login = () -> {
            sim.session().login(false);
            return new LoginResult.Succeeded();
        };
        keeper = new SessionKeeper(new ClientSessionEndpoints(client), login, time, time, KeeperConfig.defaults(), AlertSink.logging());
        keeper.afterAuthentication(new QuestionSuppression(client, QuestionPolicy.DEFAULT_ALLOWED));
        keeper.afterAuthentication(() -> client.snapshot(java.util.List.of(265598L), java.util.List.of(31)));   // pre-flight (o354)
        keeper.start();
        time.advance(Duration.ZERO);
    }

    /** A limit 5% under the market: the simulator asks o163 unless it is suppressed in this brokerage session. */
    PlaceOrderReply farLimit(String coid, QuestionPolicy policy) {
        return client.placeOrder(new OrderTicket("DU1234567", 265598, Side.BUY, BigDecimal.ONE, io.ibex.framework.domain.OrderType.LMT,
            new BigDecimal("95.00"), null, io.ibex.framework.domain.TimeInForce.DAY, coid, false), policy);
    }

    @Test void sentAtStartAndAgainAfterEveryReLoginAndHonoured() {
        keeper();
        assertThat(sim.journal().count(SUPPRESS)).isEqualTo(1);
        assertThat(farLimit("s-1", QuestionPolicy.DECLINE_ALL)).isInstanceOf(PlaceOrderReply.Placed.class);
        assertThat(sim.journal().count(REPLY)).as("o163 suppressed: no question asked").isZero();

        sim.session().expire(io.ibex.sim.ExpiryReason.MAX_AGE);
        time.advance(Duration.ofSeconds(61));   // the next tickle finds no session: login, accounts, hooks
        assertThat(keeper.state()).isEqualTo(SessionState.AUTHENTICATED);
        assertThat(sim.journal().count(SUPPRESS)).isEqualTo(2);
        assertThat(sim.journal().last(SUPPRESS).body()).contains("o163").contains("o451").doesNotContain("o354");
        assertThat(farLimit("s-2", QuestionPolicy.DECLINE_ALL)).isInstanceOf(PlaceOrderReply.Placed.class);
        assertThat(sim.journal().count(REPLY)).isZero();
    }

    @Test void withoutSuppressionTheSimulatorAsks() {
        client.brokerageAccounts();
        client.snapshot(java.util.List.of(265598L), java.util.List.of(31));
        assertThat(farLimit("s-3", QuestionPolicy.DECLINE_ALL)).isNotInstanceOf(PlaceOrderReply.Placed.class);
    }

    @Test void aQuestionThatIsNotAllowedStillFailsTheOrderClosedWithItsText() {
        keeper();
        sim.questions().forceNext("o354");
        PlaceOrderReply r = farLimit("s-4", QuestionPolicy.allowList(QuestionPolicy.DEFAULT_ALLOWED));
        assertThat(r).isInstanceOf(PlaceOrderReply.Rejected.class);
        assertThat(((PlaceOrderReply.Rejected) r).reason()).startsWith("declined question [o354]: ").hasSizeGreaterThan(40);
        assertThat(sim.orders().all()).isEmpty();
    }

    @Test void atMostFiftyOneIds() {
        Set<String> ids = new HashSet<>();
        IntStream.rangeClosed(1, 52).forEach(i -> ids.add("o" + (1000 + i)));
        assertThatThrownBy(() -> new QuestionSuppression(client, ids)).isInstanceOf(ConfigException.class).hasMessageContaining("51");
    }
}
