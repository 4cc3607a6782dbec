package io.ibex.sim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.UncheckedIOException;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Session timers on the manual SimClock (§2): idle timeouts, reauthenticate delay, nightly reset, restart. */
class SessionTimersTest {
    private final SimClock clock = SimClock.manual(Instant.parse("2026-03-02T15:00:00Z"));
    private final GatewaySimulator sim = GatewaySimulator.builder().clock(clock).initialSession(SessionState.AUTHENTICATED)
        .pacing(PacingMode.OFF).start();
    private final SimHttp http = new SimHttp(sim);

    @AfterEach void close() { sim.close(); }

    @Test void sixIdleMinutesDropTheBrokerageSessionButKeepTheSsoSession() {
        clock.advance(Duration.ofMinutes(5).plusSeconds(59));
        assertThat(sim.session().state()).isEqualTo(SessionState.AUTHENTICATED);
        clock.advance(Duration.ofSeconds(1));
        assertThat(sim.session().state()).isEqualTo(SessionState.BROKERAGE_DOWN);
        var status = http.post("/tickle", "{}").json().get("iserver").get("authStatus");
        assertThat(status.get("connected").asBoolean()).isTrue();
        assertThat(status.get("authenticated").asBoolean()).isFalse();
    }

    @Test void tickingEveryMinuteKeepsTheSessionAliveAndSsoExpiresCountsDown() {
        for (int i = 0; i < 30; i++) {
            clock.advance(Duration.ofMinutes(1));
            http.post("/tickle", "{}");
        }
        assertThat(sim.session().state()).isEqualTo(SessionState.AUTHENTICATED);
        clock.advance(Duration.ofSeconds(40));
        assertThat(sim.session().state()).isEqualTo(SessionState.AUTHENTICATED);
    }

    @Test void tenIdleMinutesExpireTheSsoSession() {
        clock.advance(Duration.ofMinutes(10));
        assertThat(sim.session().state()).isEqualTo(SessionState.EXPIRED);
        assertThat(sim.session().expiryReason()).isEqualTo(ExpiryReason.SSO_IDLE);
        assertThat(http.post("/tickle", "{}").status()).isEqualTo(401);
    }

    @Test void theSessionExpiresAfterItsMaximumAgeEvenWhenKeptBusy() {
        GatewaySimulator s = GatewaySimulator.builder().clock(clock).initialSession(SessionState.AUTHENTICATED)
            .maxSessionAge(Duration.ofMinutes(30)).nightlyReset(java.time.LocalTime.of(5, 0)).pacing(PacingMode.OFF).start();
        try {
            SimHttp h = new SimHttp(s);
            for (int i = 0; i < 29; i++) { clock.advance(Duration.ofMinutes(1)); h.post("/tickle", "{}"); }
            assertThat(s.session().state()).isEqualTo(SessionState.AUTHENTICATED);
            clock.advance(Duration.ofMinutes(1));
            assertThat(s.session().expiryReason()).isEqualTo(ExpiryReason.MAX_AGE);
        } finally {
            s.close();
        }
    }

    @Test void reauthenticateTakesEffectAfterItsDelay() {
        sim.session().brokerageTimeout();
        assertThat(http.post("/iserver/reauthenticate", "{}").body()).isEqualTo("{\"message\":\"triggered\"}");
        assertThat(sim.session().state()).isEqualTo(SessionState.BROKERAGE_DOWN);
        clock.advance(Duration.ofSeconds(2));
        assertThat(sim.session().state()).isEqualTo(SessionState.AUTHENTICATED);
    }

    @Test void eachEntryIntoAuthenticatedStartsANewEpochWithEmptyCaches() {
        long before = sim.session().epoch();
        http.get("/iserver/accounts");
        http.get("/iserver/marketdata/snapshot?conids=265598&fields=31");
        sim.session().brokerageTimeout();
        http.post("/iserver/auth/ssodh/init", "{\"publish\":true,\"compete\":true}");
        assertThat(sim.session().epoch()).isEqualTo(before + 1);
        assertThat(http.get("/iserver/marketdata/snapshot?conids=265598&fields=31").json().get(0).size())
            .as("pre-flight again after re-auth").isEqualTo(2);
    }

    @Test void theNightlyResetAnswers503ForTheOutageThen401() {
        clock.setTo(Instant.parse("2026-03-03T04:59:30Z")); // 23:59:30 New York (EST)
        http.post("/tickle", "{}");
        clock.advance(Duration.ofSeconds(31));
        assertThat(sim.session().expiryReason()).isEqualTo(ExpiryReason.NIGHTLY_RESET);
        SimHttp.Reply during = http.post("/tickle", "{}");
        assertThat(during.status()).isEqualTo(503);
        assertThat(during.body()).isEmpty();
        clock.advance(Duration.ofMinutes(2));
        assertThat(http.post("/tickle", "{}").status()).isEqualTo(401);
    }

    @Test void aStoppedGatewayRefusesConnectionsAndComesBackWithStateKept() {
        sim.stopGateway();
        assertThat(sim.session().state()).isEqualTo(SessionState.NOT_RUNNING);
        // the first call may die on the pooled keep-alive connection the stop closed; the next one is refused outright
        assertThatThrownBy(() -> http.post("/tickle", "{}")).isInstanceOf(UncheckedIOException.class);
        assertThatThrownBy(() -> http.post("/tickle", "{}")).isInstanceOf(UncheckedIOException.class)
            .hasCauseInstanceOf(java.net.ConnectException.class);
        sim.startGateway();
        assertThat(http.post("/tickle", "{}").json().get("iserver").get("authStatus").get("authenticated").asBoolean()).isTrue();
    }

    @Test void aRestartRefusesForTheStartupDelayThenAnswers401AndKeepsOrders() {
        http.get("/iserver/accounts");
        http.placeConfirmed("DU1234567", "{\"conid\":265598,\"orderType\":\"LMT\",\"price\":1.00,\"side\":\"BUY\",\"quantity\":1,\"cOID\":\"keep-1\"}");
        String oldSession = sim.session().sessionId();
        sim.restartGateway();
        clock.advance(Duration.ofSeconds(2));
        for (int i = 0; i < 5; i++)
            assertThatThrownBy(() -> http.post("/tickle", "{}")).isInstanceOf(UncheckedIOException.class);
        clock.advance(Duration.ofSeconds(1));
        assertThat(http.post("/tickle", "{}").status()).isEqualTo(401);
        sim.session().login(false);
        assertThat(sim.session().sessionId()).isNotEqualTo(oldSession);
        assertThat(sim.orders().withCoid("keep-1")).hasSize(1);
    }
}
