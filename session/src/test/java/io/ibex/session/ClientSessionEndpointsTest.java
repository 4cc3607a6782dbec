package io.ibex.session;

import io.ibex.gateway.PinnedTls;
import static org.assertj.core.api.Assertions.assertThat;

import io.ibex.gateway.GatewayClient;
import io.ibex.gateway.GatewayClock;
import io.ibex.gateway.GatewayRateLimiter;
import io.ibex.gateway.GatewayTransport;
import io.ibex.sim.Account;
import io.ibex.sim.ExpiryReason;
import io.ibex.sim.GatewaySimulator;
import io.ibex.sim.Route;
import io.ibex.sim.SimClock;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The keeper's port over the Feign client, against the simulator: every session state maps to the right TickleStatus. */
class ClientSessionEndpointsTest {
    private GatewaySimulator sim;
    private ClientSessionEndpoints endpoints;

    @BeforeEach
    void start() {
        sim = GatewaySimulator.builder().clock(SimClock.manual(Instant.parse("2026-03-02T14:30:00Z")))
            .credentials("simuser", "simpass").account(Account.paper("DU1234567").cash("USD", 1_000_000))
            .initialSession(io.ibex.sim.SessionState.AUTHENTICATED).start();
        GatewayClock clock = GatewayClock.SYSTEM;
        endpoints = new ClientSessionEndpoints(new GatewayClient(GatewayTransport.build(URI.create(sim.rootUrl()),
            PinnedTls.fromPemText(sim.certificatePem(), "sim"), clock, GatewayRateLimiter.ibkrDefaults(clock),
            Duration.ofSeconds(5), Duration.ofSeconds(10)), clock));
    }

    @AfterEach
    void stop() { sim.close(); }

    @Test
    void healthyThenLapsedThenReopenedByInitWithCompete() {
        assertThat(endpoints.tickle()).isInstanceOf(TickleStatus.Healthy.class);
        endpoints.accounts();
        assertThat(sim.journal().count(Route.get("/iserver/accounts"))).isEqualTo(1);
        sim.session().brokerageTimeout();
        assertThat(endpoints.tickle()).isEqualTo(new TickleStatus.NotAuthenticated(true));
        assertThat(endpoints.initBrokerage(true).healthy()).isTrue();
        assertThat(sim.journal().last(Route.post("/iserver/auth/ssodh/init")).body()).contains("\"publish\":true")
            .contains("\"compete\":true");
    }

    @Test
    void competingExpiredAndStoppedGatewaysAreTold() {
        sim.session().competeFromElsewhere();
        assertThat(endpoints.tickle()).isInstanceOf(TickleStatus.Competing.class);
        sim.session().expire(ExpiryReason.MANUAL);
        assertThat(endpoints.tickle()).isInstanceOf(TickleStatus.NoSession.class);
        assertThat(endpoints.authStatus().authenticated()).isFalse();
        sim.stopGateway();
        assertThat(endpoints.tickle()).isInstanceOf(TickleStatus.Refused.class);
    }
}
