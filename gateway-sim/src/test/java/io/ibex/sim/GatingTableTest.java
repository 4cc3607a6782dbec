package io.ibex.sim;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/** The gating table of gateway-simulator.md §3.1, cell by cell. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class GatingTableTest {
    private GatewaySimulator sim;
    private SimHttp http;

    private record Call(String method, String path, String body) {}

    private static final Map<String, Call> CALLS = new LinkedHashMap<>();
    static {
        CALLS.put("tickle", new Call("POST", "/tickle", "{}"));
        CALLS.put("status GET", new Call("GET", "/iserver/auth/status", null));
        CALLS.put("status POST", new Call("POST", "/iserver/auth/status", "{}"));
        CALLS.put("sso validate", new Call("GET", "/sso/validate", null));
        CALLS.put("ssodh init", new Call("POST", "/iserver/auth/ssodh/init", "{\"publish\":true,\"compete\":false}"));
        CALLS.put("reauthenticate", new Call("POST", "/iserver/reauthenticate", "{}"));
        CALLS.put("logout", new Call("POST", "/logout", "{}"));
        CALLS.put("portfolio", new Call("GET", "/portfolio/accounts", null));
        CALLS.put("trsrv", new Call("GET", "/trsrv/stocks?symbols=AAPL", null));
        CALLS.put("iserver", new Call("GET", "/iserver/accounts", null));
    }

    @BeforeAll void start() {
        sim = GatewaySimulator.builder().clock(SimClock.manual(Instant.parse("2026-03-02T15:00:00Z")))
            .pacing(PacingMode.OFF).start();
        http = new SimHttp(sim);
    }

    @AfterAll void stop() { sim.close(); }

    private int status(SessionState state, String name) {
        sim.session().set(state);
        Call c = CALLS.get(name);
        return c.method().equals("GET") ? http.get(c.path()).status() : http.post(c.path(), c.body()).status();
    }

    private void row(SessionState state, int... expected) {
        SoftAssertions soft = new SoftAssertions();
        int i = 0;
        for (String name : CALLS.keySet())
            soft.assertThat(status(state, name)).as(state + " / " + name).isEqualTo(expected[i++]);
        soft.assertAll();
    }

    @Test void withoutAnSsoSessionEveryEndpointAnswers401() {
        row(SessionState.UNAUTHENTICATED, 401, 401, 401, 401, 401, 401, 401, 401, 401, 401);
        row(SessionState.EXPIRED, 401, 401, 401, 401, 401, 401, 401, 401, 401, 401);
    }

    @Test void brokerageDownServesTheReadOnlyTierAndSaysNoBridgeOnIserver() {
        row(SessionState.BROKERAGE_DOWN, 200, 200, 200, 200, 200, 200, 200, 200, 200, 400);
        sim.session().set(SessionState.BROKERAGE_DOWN);
        assertThat(http.get("/iserver/accounts").body()).isEqualTo("{\"error\":\"Bad Request: no bridge\",\"statusCode\":400}");
    }

    @Test void competingServesTheReadOnlyTierAnd401OnIserver() {
        row(SessionState.COMPETING, 200, 200, 200, 200, 200, 200, 200, 200, 200, 401);
    }

    @Test void authenticatedServesEverything() {
        row(SessionState.AUTHENTICATED, 200, 200, 200, 200, 200, 200, 200, 200, 200, 200);
    }

    @Test void ssodhInitRestoresABrokerageDownSessionButNotACompetingOneWithoutCompete() {
        sim.session().set(SessionState.BROKERAGE_DOWN);
        http.post("/iserver/auth/ssodh/init", "{\"publish\":true,\"compete\":false}");
        assertThat(sim.session().state()).isEqualTo(SessionState.AUTHENTICATED);
        sim.session().set(SessionState.COMPETING);
        http.post("/iserver/auth/ssodh/init", "{\"publish\":true,\"compete\":false}");
        assertThat(sim.session().state()).isEqualTo(SessionState.COMPETING);
        assertThat(http.post("/iserver/auth/ssodh/init", "{\"publish\":true,\"compete\":true}").json().get("authenticated").asBoolean()).isTrue();
        assertThat(sim.session().state()).isEqualTo(SessionState.AUTHENTICATED);
    }

    @Test void ssodhInitWithoutPublishTrueIs500AndABodylessInitCountsAsPublish() {
        sim.session().set(SessionState.BROKERAGE_DOWN);
        SimHttp.Reply r = http.post("/iserver/auth/ssodh/init", "{\"publish\":false}");
        assertThat(r.status()).isEqualTo(500);
        assertThat(r.body()).isEqualTo("{\"error\":\"publish must be true\"}");
        assertThat(http.post("/iserver/auth/ssodh/init", "").status()).isEqualTo(200);
        assertThat(sim.session().state()).isEqualTo(SessionState.AUTHENTICATED);
    }

    @Test void logoutLeavesTheSsoSessionWithConnectedFalse() {
        sim.session().set(SessionState.AUTHENTICATED);
        assertThat(http.post("/logout", "{}").body()).isEqualTo("{\"status\":true}");
        var tickle = http.post("/tickle", "{}").json().get("iserver").get("authStatus");
        assertThat(tickle.get("connected").asBoolean()).isFalse();
        assertThat(tickle.get("authenticated").asBoolean()).isFalse();
        assertThat(sim.session().state()).isEqualTo(SessionState.BROKERAGE_DOWN);
    }
}
