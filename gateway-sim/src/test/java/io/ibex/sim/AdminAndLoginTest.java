package io.ibex.sim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The /__sim admin API (§5.2) and the JSON login flow a fake IBeam drives (§6.1). */
class AdminAndLoginTest {
    private final AtomicLong wall = new AtomicLong();
    private final GatewaySimulator sim = GatewaySimulator.builder().clock(SimClock.manual(Fixtures.MONDAY_10AM_NY))
        .pacing(PacingMode.OFF).pacingClock(wall::get).credentials("simuser", "simpass").start();
    private final SimHttp http = new SimHttp(sim);

    @AfterEach void close() { sim.close(); }

    private JsonNode login(String user, String pass, String method) {
        return http.postRoot("/__sim/login", "{\"username\":\"" + user + "\",\"password\":\"" + pass + "\",\"twoFaMethod\":\"" + method + "\"}").json();
    }

    @Test void aSuccessfulLoginAuthenticatesWithANewEpochAndSession() {
        assertThat(http.post("/tickle", "{}").status()).isEqualTo(401);
        JsonNode r = login("simuser", "simpass", "IB Key");
        assertThat(r.get("state").asText()).isEqualTo("SUCCEEDED");
        assertThat(r.get("message").asText()).isEqualTo("Client login succeeds");
        JsonNode state = http.getRoot("/__sim/state").json();
        assertThat(state.get("session").asText()).isEqualTo("AUTHENTICATED");
        assertThat(state.get("epoch").asLong()).isEqualTo(1);
        assertThat(http.getRoot("/sso/Login?forwardTo=22&success").body()).contains("Client login succeeds");
        assertThat(http.getRoot("/").body()).contains("name=\"username\"").contains("xyz-button-login");
    }

    @Test void badCredentialsFailAndLockAfterTheConfiguredFailures() {
        sim.login().lockAfterFailures(2);
        JsonNode r = login("simuser", "wrong", "IB Key");
        assertThat(r.get("state").asText()).isEqualTo("FAILED");
        assertThat(r.get("message").asText()).isEqualTo("Invalid username password combination");
        assertThat(login("simuser", "wrong", "IB Key").get("state").asText()).isEqualTo("LOCKED");
        assertThat(login("simuser", "simpass", "IB Key").get("state").asText()).isEqualTo("LOCKED");
        assertThat(sim.login().attempts()).isEqualTo(3);
    }

    @Test void anUnknownTwoFactorMethodFails() {
        assertThat(login("simuser", "simpass", "SMS").get("message").asText()).isEqualTo("2FA method not available");
    }

    @Test void twoFactorApprovalArrivesAfterTheConfiguredWallDelay() {
        sim.login().approveAfter(Duration.ofSeconds(60));
        JsonNode r = login("simuser", "simpass", "IB Key");
        assertThat(r.get("state").asText()).isEqualTo("AWAITING_2FA");
        String id = r.get("loginId").asText();
        wall.addAndGet(Duration.ofSeconds(59).toNanos());
        assertThat(http.getRoot("/__sim/login/" + id).json().get("state").asText()).isEqualTo("AWAITING_2FA");
        wall.addAndGet(Duration.ofSeconds(1).toNanos());
        assertThat(http.getRoot("/__sim/login/" + id).json().get("state").asText()).isEqualTo("SUCCEEDED");
    }

    @Test void scenariosSetThePolicyInOneCall() {
        http.postRoot("/__sim/login-policy", "{\"scenario\":\"twofa_timeout\"}");
        String id = login("simuser", "simpass", "IB Key").get("loginId").asText();
        wall.addAndGet(Duration.ofHours(1).toNanos());
        assertThat(http.getRoot("/__sim/login/" + id).json().get("state").asText()).isEqualTo("AWAITING_2FA");
        http.postRoot("/__sim/login-policy", "{\"scenario\":\"flaky:1\"}");
        assertThat(login("simuser", "simpass", "IB Key").get("state").asText()).isEqualTo("FAILED");
        assertThat(login("simuser", "simpass", "IB Key").get("state").asText()).isEqualTo("SUCCEEDED");
        assertThat(http.postRoot("/__sim/login-policy", "{\"scenario\":\"nonsense\"}").status()).isEqualTo(400);
    }

    @Test void aCodeAnswersACodeBasedSecondFactor() {
        sim.login().neverApprove();
        String id = login("simuser", "simpass", "Mobile Authenticator App").get("loginId").asText();
        assertThat(http.postRoot("/__sim/login/" + id + "/code", "{\"code\":\"123456\"}").json().get("state").asText()).isEqualTo("SUCCEEDED");
    }

    @Test void competeOnLoginLandsInCompeting() {
        sim.login().competeOnLogin(true);
        login("simuser", "simpass", "IB Key");
        assertThat(http.post("/tickle", "{}").json().get("iserver").get("authStatus").get("competing").asBoolean()).isTrue();
    }

    @Test void theAdminApiDrivesClockSessionFaultsAndJournal() {
        login("simuser", "simpass", "IB Key");
        JsonNode s = http.postRoot("/__sim/clock/advance", "{\"ms\":420000}").json();
        assertThat(s.get("session").asText()).isEqualTo("BROKERAGE_DOWN");
        http.postRoot("/__sim/session/compete", "{}");
        assertThat(sim.session().state()).isEqualTo(SessionState.COMPETING);
        http.postRoot("/__sim/session/expire", "{}");
        assertThat(sim.session().state()).isEqualTo(SessionState.EXPIRED);
        http.postRoot("/__sim/faults", "{\"method\":\"POST\",\"path\":\"/tickle\",\"times\":1,\"action\":\"respond\",\"status\":503,\"body\":\"\"}");
        assertThat(http.post("/tickle", "{}").status()).isEqualTo(503);
        http.postRoot("/__sim/faults", "{\"method\":\"POST\",\"path\":\"/tickle\",\"action\":\"respond\",\"status\":502,\"body\":\"\"}");
        assertThat(http.deleteRoot("/__sim/faults").status()).isEqualTo(200);
        assertThat(http.post("/tickle", "{}").status()).isEqualTo(401);
        JsonNode journal = http.getRoot("/__sim/journal?since=0").json();
        assertThat(journal.size()).isGreaterThan(2);
        long last = journal.get(journal.size() - 1).get("seq").asLong();
        assertThat(http.getRoot("/__sim/journal?since=" + last).json().size()).isZero();
    }

    @Test void readingTheJournalDoesNotGrowItAndControlCallsAreNotInIt() {
        http.post("/tickle", "{}");
        int before = http.getRoot("/__sim/journal?since=0").body().length();
        for (int i = 0; i < 5; i++) http.getRoot("/__sim/journal?since=0");
        assertThat(http.getRoot("/__sim/journal?since=0").body()).hasSize(before);
        http.postRoot("/__sim/session/expire", "{}");
        assertThat(sim.journal().entries()).noneMatch(e -> e.path().startsWith("/__sim") && !e.path().startsWith("/__sim/login"));
    }

    @Test void theJournalNeverHandsOutALoginPassword() {
        login("simuser", "Canary-pw-41", "IB Key");
        login("simuser", "simpass", "IB Key");
        String journal = http.getRoot("/__sim/journal?since=0").body();
        assertThat(journal).contains("/__sim/login").doesNotContain("Canary-pw-41").doesNotContain("simpass");
        assertThat(sim.journal().last(Route.post("/__sim/login")).body()).contains("\"password\":\"****\"");
    }

    @Test void theControlApiRefusesAnyoneWithoutThePerStartToken() {
        assertThat(http.getRootWithoutToken("/__sim/journal?since=0").status()).isEqualTo(401);
        assertThat(http.getRootWithoutToken("/__sim/state").status()).isEqualTo(401);
        assertThat(http.send(java.net.http.HttpRequest.newBuilder(java.net.URI.create(sim.rootUrl() + "/__sim/faults"))
            .header("X-Sim-Token", "guess").header("Content-Type", "application/json")
            .POST(java.net.http.HttpRequest.BodyPublishers.ofString("{\"path\":\"/tickle\",\"action\":\"drop\"}")).build()).status())
            .isEqualTo(401);
        assertThat(sim.faults().rules()).isEmpty();
        try (GatewaySimulator other = GatewaySimulator.builder().start()) {
            assertThat(other.adminToken()).isNotEqualTo(sim.adminToken()).hasSizeGreaterThanOrEqualTo(32);
        }
    }

    @Test void stoppingTheGatewayOverTheAdminApiRefusesConnections() {
        assertThat(http.postRoot("/__sim/gateway/stop", "{}").status()).isEqualTo(200);
        assertThatThrownBy(() -> http.post("/tickle", "{}")).isInstanceOf(java.io.UncheckedIOException.class);
        sim.startGateway();
        assertThat(http.post("/tickle", "{}").status()).isEqualTo(401);
    }

    @Test void aLatencyRuleMaySlowTheLoginEndpoints() {
        sim.faults().on(Route.any("/__sim/login/**")).latency(Duration.ofMillis(120));
        String id = login("simuser", "simpass", "IB Key").get("loginId").asText();
        assertThat(http.getRoot("/__sim/login/" + id).status()).isEqualTo(200);
        assertThat(sim.journal().last(Route.get("/__sim/login/*")).elapsedMillis()).isGreaterThanOrEqualTo(120);
        assertThat(sim.faults().rules().get(0).fired()).isEqualTo(1);
    }
}
