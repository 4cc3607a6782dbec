package io.ibex.sim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The matching engine (§3.4) and the portfolio formulas (§3.5), driven tick by tick. */
class MatchingEngineTest {
    private GatewaySimulator sim;
    private SimHttp http;

    private void start(SimulatorBuilder b) {
        sim = b.defaultQuestions(false).start();
        http = new SimHttp(sim);
        http.get("/iserver/accounts");
    }

    @AfterEach void close() { if (sim != null) sim.close(); }

    private long place(String orderJson) {
        JsonNode r = http.placeConfirmed(Fixtures.ACCT, orderJson).json();
        return Long.parseLong(r.get(0).get("order_id").asText());
    }

    @Test void marketOrdersFillAtTheAskWhenBuyingAndAtTheBidWhenSelling() {
        start(Fixtures.stepped(100.00, 101.00));
        long buy = place(Fixtures.order("BUY", "MKT", 10, null, "b1"));
        assertThat(sim.orders().get(buy).status()).isEqualTo("Filled");
        assertThat(sim.orders().get(buy).avgPrice()).isEqualTo(100.01);
        sim.market(Fixtures.AAPL).step();
        long sell = place(Fixtures.order("SELL", "MKT", 10, null, "s1"));
        assertThat(sim.orders().get(sell).avgPrice()).isEqualTo(100.99);
        assertThat(sim.backend().position(Fixtures.ACCT, Fixtures.AAPL)).isZero();
        assertThat(sim.backend().realizedPnl(Fixtures.ACCT, Fixtures.AAPL)).isCloseTo(9.80, within(1e-9));
        // cash: -1000.10 - 1.00 commission + 1009.90 - 1.00 commission
        assertThat(sim.backend().cash(Fixtures.ACCT).doubleValue()).isCloseTo(100_000 + 9.80 - 2.00, within(1e-9));
    }

    @Test void aBuyLimitWaitsUntilTheAskComesDownToIt() {
        start(Fixtures.stepped(100.00, 99.80, 99.40));
        long id = place(Fixtures.order("BUY", "LMT", 5, 99.50, "l1"));
        assertThat(sim.orders().get(id).status()).isEqualTo("Submitted");
        sim.market(Fixtures.AAPL).step();
        assertThat(sim.orders().get(id).status()).as("ask 99.81 is above 99.50").isEqualTo("Submitted");
        sim.market(Fixtures.AAPL).step();
        assertThat(sim.orders().get(id).status()).isEqualTo("Filled");
        assertThat(sim.orders().get(id).avgPrice()).isEqualTo(99.41);
    }

    @Test void aSellStopIsPreSubmittedUntilTheLastTradesThroughItThenFillsAtTheBid() {
        start(Fixtures.stepped(100.00, 98.50, 97.90));
        long id = place(Fixtures.order("SELL", "STP", 5, 98.00, "st1"));
        assertThat(sim.orders().get(id).status()).isEqualTo("PreSubmitted");
        sim.market(Fixtures.AAPL).step();
        assertThat(sim.orders().get(id).status()).isEqualTo("PreSubmitted");
        sim.market(Fixtures.AAPL).step();
        assertThat(sim.orders().get(id).status()).isEqualTo("Filled");
        assertThat(sim.orders().get(id).avgPrice()).isEqualTo(97.89);
    }

    @Test void aStopLimitTriggersOnAuxPriceThenWorksAsALimit() {
        start(Fixtures.stepped(100.00, 102.20, 103.00, 102.30));
        long id = place("{\"conid\":265598,\"orderType\":\"STOP_LIMIT\",\"side\":\"BUY\",\"quantity\":1,\"price\":102.50,\"auxPrice\":102.00}");
        sim.market(Fixtures.AAPL).step();
        assertThat(sim.orders().get(id).status()).as("triggered, and ask 102.21 <= 102.50").isEqualTo("Filled");
        assertThat(sim.orders().get(id).avgPrice()).isEqualTo(102.21);
    }

    @Test void aBracketReleasesItsChildrenOnTheParentFillAndTheTakeProfitCancelsTheStop() {
        start(Fixtures.stepped(100.00, 101.00, 103.00));
        JsonNode r = http.post("/iserver/account/DU1234567/orders", "{\"orders\":["
            + Fixtures.order("BUY", "MKT", 10, null, "parent-1") + ","
            + "{\"conid\":265598,\"orderType\":\"LMT\",\"side\":\"Sell\",\"quantity\":10,\"price\":102.50,\"parentId\":\"parent-1\"},"
            + "{\"conid\":265598,\"orderType\":\"STP\",\"side\":\"SELL\",\"quantity\":10,\"price\":98.00,\"parentId\":\"parent-1\"}]}").json();
        assertThat(r).hasSize(3);
        long tp = r.get(1).get("order_id").asLong(), sl = r.get(2).get("order_id").asLong();
        assertThat(sim.orders().get(r.get(0).get("order_id").asLong()).status()).isEqualTo("Filled");
        assertThat(sim.orders().get(tp).status()).isEqualTo("Submitted");
        assertThat(sim.orders().get(sl).status()).isEqualTo("PreSubmitted");
        sim.market(Fixtures.AAPL).step().step();
        assertThat(sim.orders().get(tp).status()).isEqualTo("Filled");
        assertThat(sim.orders().get(sl).status()).isEqualTo("Cancelled");
        assertThat(sim.backend().position(Fixtures.ACCT, Fixtures.AAPL)).isZero();
        assertThat(sim.orders().get(tp).coid()).isNull();
        assertThat(http.get("/iserver/account/trades").json()).hasSize(2);
    }

    @Test void ordersSubmittedAsASingleGroupCancelEachOtherWhenOneFills() {
        start(Fixtures.stepped(100.00, 104.00));
        JsonNode r = http.post("/iserver/account/DU1234567/orders", "{\"orders\":["
            + "{\"conid\":265598,\"orderType\":\"LMT\",\"side\":\"SELL\",\"quantity\":1,\"price\":103.00,\"isSingleGroup\":true,\"cOID\":\"oca-a\"},"
            + "{\"conid\":265598,\"orderType\":\"LMT\",\"side\":\"BUY\",\"quantity\":1,\"price\":95.00,\"isSingleGroup\":true,\"cOID\":\"oca-b\"}]}").json();
        sim.market(Fixtures.AAPL).step();
        assertThat(sim.orders().get(r.get(0).get("order_id").asLong()).status()).isEqualTo("Filled");
        assertThat(sim.orders().get(r.get(1).get("order_id").asLong()).status()).isEqualTo("Cancelled");
    }

    @Test void dayOrdersAreCancelledAtTheCloseAndGtcOrdersSurvive() {
        start(Fixtures.stepped(100.00));
        long day = place(Fixtures.order("BUY", "LMT", 1, 90.0, "d1"));
        long gtc = place(Fixtures.order("BUY", "LMT", 1, 90.0, "g1").replace("\"DAY\"", "\"GTC\""));
        sim.clock().setTo(java.time.Instant.parse("2026-03-02T21:00:00Z"));
        assertThat(sim.orders().get(day).status()).isEqualTo("Cancelled");
        assertThat(sim.orders().get(gtc).status()).isEqualTo("Submitted");
    }

    @Test void aFillThatBeatsTheCancelDelayWins() {
        start(Fixtures.stepped(100.00, 95.00));
        long id = place(Fixtures.order("BUY", "LMT", 1, 96.0, "race"));
        JsonNode ack = http.delete("/iserver/account/DU1234567/order/" + id).json();
        assertThat(ack.get("msg").asText()).isEqualTo("Request was submitted");
        assertThat(sim.orders().get(id).status()).isEqualTo("PendingCancel");
        sim.market(Fixtures.AAPL).step();
        sim.clock().advance(Duration.ofSeconds(1));
        assertThat(sim.orders().get(id).status()).isEqualTo("Filled");
    }

    @Test void anUnfilledCancelBecomesCancelledAfterTheCancelDelay() {
        start(Fixtures.stepped(100.00));
        long id = place(Fixtures.order("BUY", "LMT", 1, 96.0, "c1"));
        http.delete("/iserver/account/DU1234567/order/" + id);
        sim.clock().advance(Duration.ofMillis(499));
        assertThat(sim.orders().get(id).status()).isEqualTo("PendingCancel");
        sim.clock().advance(Duration.ofMillis(1));
        assertThat(sim.orders().get(id).status()).isEqualTo("Cancelled");
    }

    @Test void partialFillsTakeAtMostTheConfiguredSizePerTick() {
        start(Fixtures.stepped(100.00, 100.00, 100.00).partialFills(100));
        long id = place(Fixtures.order("BUY", "MKT", 250, null, "p1"));
        assertThat(sim.orders().get(id).filled()).isEqualTo(100);
        sim.market(Fixtures.AAPL).step().step();
        assertThat(sim.orders().get(id).status()).isEqualTo("Filled");
        assertThat(sim.orders().executions()).hasSize(3);
    }

    @Test void haltedMarketsDoNotMatchAndShowAnHPrefix() {
        start(Fixtures.stepped(100.00, 100.00));
        sim.market(Fixtures.AAPL).halt();
        long id = place(Fixtures.order("BUY", "MKT", 1, null, "h1"));
        assertThat(sim.orders().get(id).status()).isEqualTo("Submitted");
        http.get("/iserver/marketdata/snapshot?conids=265598&fields=31");
        assertThat(http.get("/iserver/marketdata/snapshot?conids=265598&fields=31").json().get(0).get("31").asText()).isEqualTo("H100.00");
        sim.market(Fixtures.AAPL).resume();
        assertThat(sim.orders().get(id).status()).isEqualTo("Filled");
    }

    @Test void theSummaryFollowsTheSimulatorFormulas() {
        start(Fixtures.stepped(100.00, 110.00));
        place(Fixtures.order("BUY", "MKT", 100, null, "f1"));
        sim.market(Fixtures.AAPL).step();
        JsonNode s = http.get("/portfolio/DU1234567/summary").json();
        double cash = 100_000 - 100 * 100.01 - 1.00;
        double mv = 100 * 110.00;
        assertThat(s.get("totalcashvalue").get("amount").asDouble()).isCloseTo(cash, within(0.005));
        assertThat(s.get("netliquidation").get("amount").asDouble()).isCloseTo(cash + mv, within(0.005));
        assertThat(s.get("grosspositionvalue").get("amount").asDouble()).isCloseTo(mv, within(0.005));
        assertThat(s.get("initmarginreq").get("amount").asDouble()).isCloseTo(0.25 * mv, within(0.005));
        assertThat(s.get("availablefunds").get("amount").asDouble()).isCloseTo(cash + mv - 0.25 * mv, within(0.005));
        assertThat(s.get("buyingpower").get("amount").asDouble()).isCloseTo(4 * (cash + mv - 0.25 * mv), within(0.02));
        assertThat(s.get("netliquidation-c").get("amount").asDouble()).isZero();
        JsonNode pos = http.get("/portfolio/DU1234567/positions/0").json().get(0);
        assertThat(pos.get("unrealizedPnl").asDouble()).isCloseTo(100 * (110.00 - 100.01), within(0.005));
        assertThat(pos.get("avgCost").asDouble()).isEqualTo(100.01);
    }

    @Test void theCachedPositionsPageLagsFillsUntilTheLagPassesOrAnInvalidate() {
        start(Fixtures.stepped(100.00).positionsCacheLag(Duration.ofSeconds(10)));
        place(Fixtures.order("BUY", "MKT", 3, null, "lag1"));
        assertThat(http.get("/portfolio/DU1234567/positions/0").body()).isEqualTo("[]");
        assertThat(http.get("/portfolio2/DU1234567/positions").json().get(0).get("position").asDouble()).isEqualTo(3.0);
        assertThat(http.get("/portfolio/DU1234567/position/265598").json().get(0).get("position").asDouble()).isEqualTo(3.0);
        assertThat(http.post("/portfolio/DU1234567/positions/invalidate", "{}").json().get(0).get("position").asDouble()).isEqualTo(3.0);
        place(Fixtures.order("BUY", "MKT", 2, null, "lag2"));
        assertThat(http.get("/portfolio/DU1234567/positions/0").json().get(0).get("position").asDouble()).isEqualTo(3.0);
        sim.clock().advance(Duration.ofSeconds(10));
        assertThat(http.get("/portfolio/DU1234567/positions/0").json().get(0).get("position").asDouble()).isEqualTo(5.0);
    }
}
