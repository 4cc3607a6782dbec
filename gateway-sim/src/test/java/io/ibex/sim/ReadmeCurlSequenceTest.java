package io.ibex.sim;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The spec's "Must show": the seed's curl commands work unchanged against the simulator (as `curl -k` would send them). */
class ReadmeCurlSequenceTest {
    private final GatewaySimulator sim = GatewaySimulator.builder()
        .clock(SimClock.manual(Instant.parse("2026-03-02T15:00:00Z")))
        .account(Account.paper("DU1234567").cash("USD", 1_000_000))
        .instrument(SimInstrument.aapl().prices(PriceScript.randomWalk(7, 189.60, 5)))
        .initialSession(SessionState.AUTHENTICATED)
        .start();
    private final SimHttp http = new SimHttp(sim);

    @AfterEach void close() { sim.close(); }

    @Test void theReadmeCurlCommandsGetTheRealShapes() {
        JsonNode status = http.get("/iserver/auth/status").json();
        assertThat(status.get("authenticated").asBoolean()).isTrue();
        assertThat(status.get("connected").asBoolean()).isTrue();

        JsonNode accounts = http.get("/portfolio/accounts").json();
        assertThat(accounts.isArray()).isTrue();
        assertThat(accounts.get(0).get("id").asText()).isEqualTo("DU1234567");
        assertThat(accounts.get(0).get("type").asText()).isEqualTo("DEMO");

        JsonNode summary = http.get("/portfolio/DU1234567/summary").json();
        assertThat(summary.get("netliquidation").get("amount").asDouble()).isEqualTo(1_000_000.0);
        assertThat(summary.get("accountcode").get("value").asText()).isEqualTo("DU1234567");

        assertThat(http.get("/portfolio/DU1234567/positions/0").json().isArray()).isTrue();

        JsonNode search = http.get("/iserver/secdef/search?symbol=AAPL").json();
        assertThat(search.get(0).get("conid").isTextual()).isTrue();
        assertThat(search.get(0).get("conid").asText()).isEqualTo("265598");

        JsonNode preflight = http.get("/iserver/marketdata/snapshot?conids=265598&fields=31,84,86").json();
        assertThat(preflight.get(0).size()).isEqualTo(2);
        assertThat(preflight.get(0).get("conidEx").asText()).isEqualTo("265598");
        JsonNode snap = http.get("/iserver/marketdata/snapshot?conids=265598&fields=31,84,86").json().get(0);
        assertThat(snap.get("31").asText()).matches("\\d+\\.\\d{2}");
        assertThat(snap.get("84").asText()).matches("\\d+\\.\\d{2}");
        assertThat(snap.get("86").asText()).matches("\\d+\\.\\d{2}");

        SimHttp.Reply order = http.post("/iserver/account/DU1234567/orders",
            "{\"orders\":[{\"acctId\":\"DU1234567\",\"conid\":265598,\"orderType\":\"MKT\",\"side\":\"BUY\",\"quantity\":1,\"tif\":\"DAY\",\"cOID\":\"readme-1\"}]}");
        assertThat(order.status()).isEqualTo(200);
        assertThat(order.json().get(0).get("order_id").isTextual()).isTrue();
        assertThat(order.json().get(0).get("order_status").asText()).isEqualTo("Submitted");
        assertThat(sim.backend().position("DU1234567", 265598)).isEqualTo(1.0);
    }
}
