package io.ibex.sim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Backend-side and domain faults (§5.1): fills while down, refuse windows, server skew, hidden orders and rows. */
class DomainFaultsTest {
    private final GatewaySimulator sim = Fixtures.stepped(100.00).defaultQuestions(false).start();
    private final SimHttp http = new SimHttp(sim);

    @AfterEach void close() { sim.close(); }

    @Test void fillsWhileTheGatewayIsDownShowUpAfterItReturns() {
        http.get("/iserver/accounts");
        long id = http.placeConfirmed(Fixtures.ACCT, Fixtures.order("BUY", "LMT", 10, 99.0, "down-1")).json().get(0).get("order_id").asLong();
        sim.stopGateway();
        sim.backend().fillWhileDown(id, 4);
        sim.startGateway();
        http.get("/iserver/account/orders");
        JsonNode row = http.get("/iserver/account/orders").json().get("orders").get(0);
        assertThat(row.get("sizeAndFills").asText()).isEqualTo("4/6");
        assertThat(http.get("/iserver/account/trades").json()).hasSize(1);
    }

    @Test void refuseForStopsAndRestartsOnTheSimClock() {
        sim.faults().refuseFor(Duration.ofSeconds(90));
        assertThatThrownBy(() -> http.post("/tickle", "{}")).isInstanceOf(java.io.UncheckedIOException.class);
        sim.clock().advance(Duration.ofSeconds(90));
        assertThat(http.post("/tickle", "{}").status()).isEqualTo(200);
    }

    @Test void serverClockOffsetShiftsOnlyReportedTimestamps() {
        http.get("/iserver/accounts");
        sim.serverClockOffset(Duration.ofSeconds(-30));
        http.placeConfirmed(Fixtures.ACCT, Fixtures.order("BUY", "MKT", 1, null, "skew"));
        assertThat(http.get("/iserver/account/trades").json().get(0).get("trade_time_r").asLong())
            .isEqualTo(Fixtures.MONDAY_10AM_NY.toEpochMilli() - 30_000);
        assertThat(sim.orders().executions().get(0).atMillis()).isEqualTo(Fixtures.MONDAY_10AM_NY.toEpochMilli());
    }

    @Test void visibleAfterCreatesTheOrderAtOnceButHidesItFromLiveOrders() {
        http.get("/iserver/accounts");
        sim.faults().on(Route.post("/iserver/account/*/orders")).times(1).visibleAfter(Duration.ofMillis(100));
        http.placeConfirmed(Fixtures.ACCT, Fixtures.order("BUY", "LMT", 1, 99.0, "late"));
        assertThat(sim.orders().withCoid("late")).hasSize(1);
        http.get("/iserver/account/orders");
        assertThat(http.get("/iserver/account/orders").json().get("orders")).isEmpty();
        sim.clock().advance(Duration.ofMillis(100));
        assertThat(http.get("/iserver/account/orders").json().get("orders")).hasSize(1);
    }

    @Test void forcedAndOmittedPositionsModelAMismatch() {
        sim.backend().setPosition(Fixtures.ACCT, Fixtures.AAPL, 7, 95.0);
        assertThat(http.get("/portfolio/DU1234567/positions/0").json().get(0).get("position").asDouble()).isEqualTo(7.0);
        sim.positions().omit(Fixtures.AAPL);
        assertThat(http.get("/portfolio/DU1234567/positions/0").body()).isEqualTo("[]");
    }

    @Test void theSecondPositionCallAddsContractFields() {
        http.get("/iserver/accounts");
        http.placeConfirmed(Fixtures.ACCT, Fixtures.order("BUY", "MKT", 1, null, "pf"));
        assertThat(http.get("/portfolio/DU1234567/position/265598").json().get(0).has("ticker")).isFalse();
        assertThat(http.get("/portfolio/DU1234567/position/265598").json().get(0).get("ticker").asText()).isEqualTo("AAPL");
    }

    @Test void aStaleReplyCanBeForcedDirectly() {
        http.get("/iserver/accounts");
        sim.questions().forceNext("o163");
        String id = http.post("/iserver/account/DU1234567/orders", "{\"orders\":[" + Fixtures.order("BUY", "MKT", 1, null, "st") + "]}")
            .json().get(0).get("id").asText();
        sim.reply().invalidatePending();
        assertThat(http.post("/iserver/reply/" + id, "{\"confirmed\":true}").status()).isEqualTo(503);
    }
}
