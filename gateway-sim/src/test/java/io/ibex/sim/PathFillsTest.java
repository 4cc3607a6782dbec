package io.ibex.sim;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The replay options: {@code pathFills} (a tick move is a straight path, resting orders fill at their own price in the
 * order reached, a halt makes the next move a gap) and {@code utcDayExpiry} (DAY orders die with the UTC day).
 */
class PathFillsTest {
    static final Instant T0 = Instant.parse("2026-03-02T15:00:00Z");
    private GatewaySimulator sim;
    private SimHttp http;

    @AfterEach void close() { if (sim != null) sim.close(); }

    private void start(boolean replayOptions, long spacingMillis, double... lasts) {
        List<Tick> ticks = new ArrayList<>();
        for (int i = 0; i < lasts.length; i++)
            ticks.add(new Tick(T0.toEpochMilli() + i * spacingMillis, lasts[i], lasts[i], lasts[i], 100, 100, 100, 1000L * (i + 1)));
        SimulatorBuilder b = GatewaySimulator.builder().clock(SimClock.manual(T0)).pacing(PacingMode.OFF).defaultQuestions(false)
            .initialSession(SessionState.AUTHENTICATED).stepDriven().account(Account.paper(Fixtures.ACCT).cash("USD", 100_000))
            .commission(SimCommission.NONE).nightlyReset(null).brokerageIdleTimeout(Duration.ofDays(9))
            .ssoIdleTimeout(Duration.ofDays(9)).maxSessionAge(Duration.ofDays(9)).instrument(SimInstrument.aapl().prices(PriceScript.ticks(ticks)));
        if (replayOptions) b.pathFills().utcDayExpiry();
        sim = b.start();
        sim.market(Fixtures.AAPL).setClosed(false).stepTo(0);
        http = new SimHttp(sim);
        http.get("/iserver/accounts");
    }

    private JsonNode bracket() {
        return http.post("/iserver/account/" + Fixtures.ACCT + "/orders", "{\"orders\":["
            + Fixtures.order("BUY", "STP", 1, 102.0, "entry-1") + ","
            + "{\"conid\":265598,\"orderType\":\"LMT\",\"side\":\"SELL\",\"quantity\":1,\"price\":103.0,\"tif\":\"GTC\",\"parentId\":\"entry-1\"},"
            + "{\"conid\":265598,\"orderType\":\"STP\",\"side\":\"SELL\",\"quantity\":1,\"price\":98.0,\"tif\":\"GTC\",\"parentId\":\"entry-1\"}]}").json();
    }

    private SimOrder order(JsonNode reply, int leg) { return sim.orders().get(reply.get(leg).get("order_id").asLong()); }

    @Test void alongOneMoveTheEntryStopFillsAtItsStopThenTheReleasedTakeProfitAtItsLimitAndTheStopLossIsCancelled() {
        start(true, 1000, 100, 104, 97);
        JsonNode r = bracket();
        sim.market(Fixtures.AAPL).step();                            // 100 -> 104
        assertThat(order(r, 0).avgPrice()).isEqualTo(102.0);
        assertThat(order(r, 1).status()).isEqualTo("Filled");
        assertThat(order(r, 1).avgPrice()).isEqualTo(103.0);
        assertThat(order(r, 2).status()).isEqualTo("Cancelled");
        sim.market(Fixtures.AAPL).step();                            // 97: the cancelled stop stays cancelled
        assertThat(sim.orders().executions()).hasSize(2);
    }

    @Test void withoutTheOptionTheSameMoveFillsAtTheTouch() {
        start(false, 1000, 100, 104, 97);
        JsonNode r = bracket();
        sim.market(Fixtures.AAPL).step();
        assertThat(order(r, 0).avgPrice()).isEqualTo(104.0);
        assertThat(order(r, 1).avgPrice()).isEqualTo(104.0);
    }

    @Test void aMoveAcrossAHaltIsAGapFilledAtTheTouchAndTheNextMoveIsAPathAgain() {
        start(true, 1000, 100, 105, 101);
        JsonNode r = bracket();
        MarketControl m = sim.market(Fixtures.AAPL).halt();
        m.step();                                                    // 105 while halted: nothing
        assertThat(order(r, 0).status()).isEqualTo("PreSubmitted");
        m.resume();                                                  // the open gapped through both the stop and the target
        assertThat(order(r, 0).avgPrice()).isEqualTo(105.0);
        assertThat(order(r, 1).avgPrice()).isEqualTo(105.0);
        assertThat(order(r, 2).status()).isEqualTo("Cancelled");
    }

    @Test void aDayOrderDiesAtTheFirstTickOfALaterUtcDayThanItsFirstAndAGtcOrderLives() {
        start(true, 12 * 3_600_000L, 100, 100.5, 100.2);             // 15:00Z, 03:00Z next day, 15:00Z next day
        long day = http.placeConfirmed(Fixtures.ACCT, Fixtures.order("BUY", "LMT", 1, 90.0, "day-1")).json().get(0).get("order_id").asLong();
        long gtc = http.placeConfirmed(Fixtures.ACCT, Fixtures.order("BUY", "LMT", 1, 90.0, "gtc-1").replace("\"DAY\"", "\"GTC\""))
            .json().get(0).get("order_id").asLong();
        sim.clock().setTo(T0.plusSeconds(12 * 3600));
        sim.market(Fixtures.AAPL).step();
        assertThat(sim.orders().get(day).status()).isEqualTo("Cancelled");
        assertThat(sim.orders().get(gtc).status()).isEqualTo("Submitted");
        // the live orders row says when: the cancel's time
        JsonNode rows = http.get("/iserver/account/orders").json().get("orders");
        for (int warmup = 0; rows.isEmpty() && warmup < 3; warmup++) rows = http.get("/iserver/account/orders").json().get("orders");
        List<Long> cancelledAt = new ArrayList<>();
        for (JsonNode row : rows) if (row.get("orderId").asLong() == day) cancelledAt.add(row.get("lastExecutionTime_r").asLong());
        assertThat(cancelledAt).containsExactly(T0.plusSeconds(12 * 3600).toEpochMilli());
    }
}
