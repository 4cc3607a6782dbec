package io.ibex.sim;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Order placement, the question/reply chain, duplicates, rejections, modify, cancel and the monitoring endpoints. */
class OrderEndpointsTest {
    private final GatewaySimulator sim = Fixtures.stepped(100.00, 100.00).strict(true).start();
    private final SimHttp http = new SimHttp(sim);

    @AfterEach void close() { sim.close(); }

    private SimHttp.Reply place(String... orders) {
        return http.post("/iserver/account/DU1234567/orders", "{\"orders\":[" + String.join(",", orders) + "]}");
    }

    private void ready() {
        http.get("/iserver/accounts");
        http.get("/iserver/marketdata/snapshot?conids=265598&fields=31,84,86");
    }

    @Test void strictModeWantsIserverAccountsFirst() {
        SimHttp.Reply r = place(Fixtures.order("BUY", "MKT", 1, null, "x"));
        assertThat(r.status()).isEqualTo(400);
        assertThat(r.body()).isEqualTo("{\"error\":\"call /iserver/accounts first\"}");
    }

    @Test void aForcedChainIsConfirmedQuestionByQuestionThenAccepted() {
        ready();
        sim.questions().forceNext("o163", "o451", "o354");
        JsonNode q = place(Fixtures.order("BUY", "MKT", 1, null, "chain-1")).json();
        for (String expected : new String[] {"o163", "o451", "o354"}) {
            assertThat(q.get(0).get("messageIds").get(0).asText()).isEqualTo(expected);
            assertThat(q.get(0).get("isSuppressed").asBoolean()).isFalse();
            assertThat(q.get(0).get("message").get(0).asText()).contains("Are you sure");
            q = http.post("/iserver/reply/" + q.get(0).get("id").asText(), "{\"confirmed\":true}").json();
        }
        assertThat(q.get(0).get("order_status").asText()).isEqualTo("Submitted");
        assertThat(sim.orders().withCoid("chain-1")).hasSize(1);
    }

    @Test void anInterleavedOrderMakesThePendingReplyStaleAnd503() {
        ready();
        sim.questions().forceNext("o163");
        String replyId = place(Fixtures.order("BUY", "MKT", 1, null, "first")).json().get(0).get("id").asText();
        place(Fixtures.order("BUY", "MKT", 1, null, "second"));
        SimHttp.Reply stale = http.post("/iserver/reply/" + replyId, "{\"confirmed\":true}");
        assertThat(stale.status()).isEqualTo(503);
        assertThat(stale.body()).isEmpty();
        assertThat(sim.orders().withCoid("first")).isEmpty();
        SimHttp.Reply unknown = http.post("/iserver/reply/nope", "{\"confirmed\":true}");
        assertThat(unknown.status()).isEqualTo(400);
        assertThat(unknown.body()).isEqualTo("{\"error\":\"reply id not found: 'nope'\"}");
    }

    @Test void declinedQuestionsDiscardTheTicket() {
        ready();
        sim.questions().forceNext("o383");
        String id = place(Fixtures.order("BUY", "MKT", 1, null, "declined")).json().get(0).get("id").asText();
        assertThat(http.post("/iserver/reply/" + id, "{\"confirmed\":false}").body()).isEqualTo("{\"error\":\"Order was not confirmed\"}");
        assertThat(sim.orders().all()).isEmpty();
    }

    @Test void defaultQuestionsFollowTheTicketAndSuppressionSkipsThem() {
        http.get("/iserver/accounts");
        JsonNode q = place(Fixtures.order("BUY", "LMT", 600, 90.0, "d-1")).json();
        assertThat(q.get(0).get("messageIds").get(0).asText()).isEqualTo("o354");
        http.post("/iserver/questions/suppress", "{\"messageIds\":[\"o354\",\"o163\",\"o383\"]}");
        assertThat(place(Fixtures.order("BUY", "LMT", 600, 90.0, "d-2")).json().get(0).has("order_id")).isTrue();
        assertThat(http.post("/iserver/questions/suppress/reset", "{}").body()).isEqualTo("{\"status\":\"submitted\"}");
        assertThat(place(Fixtures.order("BUY", "LMT", 600, 90.0, "d-3")).json().get(0).has("id")).isTrue();
    }

    @Test void aBareArrayIsAcceptedLikeTheWrappedForm() {
        ready();
        SimHttp.Reply r = http.post("/iserver/account/DU1234567/orders", "[" + Fixtures.order("BUY", "MKT", 1, null, "bare") + "]");
        assertThat(r.json().get(0).get("order_status").asText()).isEqualTo("Submitted");
    }

    @Test void aRepeatedCoidIsADuplicateWithTheConfiguredStatus() {
        ready();
        place(Fixtures.order("BUY", "MKT", 1, null, "dup"));
        SimHttp.Reply again = place(Fixtures.order("BUY", "MKT", 1, null, "dup"));
        assertThat(again.status()).isEqualTo(200);
        assertThat(again.body()).isEqualTo("{\"error\":\"Order couldn't be submitted: Local order ID=dup is already registered.\"}");
        sim.orders().duplicateCoidStatus(400);
        sim.backend().seedCoid("seeded");
        assertThat(place(Fixtures.order("BUY", "MKT", 1, null, "seeded")).status()).isEqualTo(400);
        assertThat(sim.orders().withCoid("dup")).hasSize(1);
    }

    @Test void rejectionsAndValidationErrorsAreErrorObjectsWithStatus200() {
        ready();
        sim.orders().rejectNext("We cannot accept an order at the limit price you selected.");
        assertThat(place(Fixtures.order("BUY", "MKT", 1, null, "r")).body())
            .isEqualTo("{\"error\":\"We cannot accept an order at the limit price you selected.\"}");
        assertThat(place(Fixtures.order("BUY", "TRAIL", 1, null, "r")).body()).isEqualTo("{\"error\":\"invalid order type\"}");
        assertThat(place(Fixtures.order("BUY", "LMT", 1, null, "r")).body()).isEqualTo("{\"error\":\"invalid order price fields\"}");
        assertThat(place(Fixtures.order("BUY", "MKT", 0, null, "r")).body()).isEqualTo("{\"error\":\"invalid quantity\"}");
        assertThat(place(Fixtures.order("BUY", "MKT", 1, null, "r").replace("265598", "1")).body())
            .isEqualTo("{\"error\":\"Contract 1 not found\"}");
        SimHttp.Reply acct = http.post("/iserver/account/U999/orders", "{\"orders\":[" + Fixtures.order("BUY", "MKT", 1, null, "r").replace("\"acctId\":\"DU1234567\",", "") + "]}");
        assertThat(acct.status()).isEqualTo(200);
        assertThat(acct.body()).isEqualTo("{\"error\":\"Account U999 not found\"}");
        assertThat(sim.orders().all()).isEmpty();
    }

    @Test void whatIfAnswersFormattedStringsAndCreatesNothing() {
        ready();
        JsonNode w = http.post("/iserver/account/DU1234567/orders/whatif", "{\"orders\":[" + Fixtures.order("BUY", "MKT", 10, null, "wi") + "]}").json();
        assertThat(w.get("amount").get("amount").asText()).isEqualTo("1,000.10 USD (10 Shares)");
        assertThat(w.get("amount").get("commission").asText()).isEqualTo("1 USD");
        assertThat(w.get("amount").get("total").asText()).isEqualTo("1,001.10 USD");
        assertThat(w.get("warn").isNull()).isTrue();
        assertThat(sim.orders().all()).isEmpty();
        assertThat(place(Fixtures.order("BUY", "MKT", 1, null, "wi")).json().get(0).has("order_id")).as("no cOID registered").isTrue();
    }

    @Test void modifyWantsEveryOriginalFieldInStrictMode() {
        ready();
        long id = place(Fixtures.order("BUY", "LMT", 5, 99.0, "m1")).json().get(0).get("order_id").asLong();
        SimHttp.Reply missing = http.post("/iserver/account/DU1234567/order/" + id,
            "{\"acctId\":\"DU1234567\",\"conid\":265598,\"orderType\":\"LMT\",\"side\":\"BUY\",\"quantity\":5,\"price\":99.5}");
        assertThat(missing.body()).isEqualTo("{\"error\":\"missing field tif\"}");
        SimHttp.Reply ok = http.post("/iserver/account/DU1234567/order/" + id, Fixtures.order("BUY", "LMT", 5, 99.5, "m1"));
        assertThat(ok.json().get(0).get("order_id").asText()).isEqualTo(String.valueOf(id));
        assertThat(sim.orders().get(id).quantity()).isEqualTo(5);
        assertThat(http.post("/iserver/account/DU1234567/order/" + id, "[" + Fixtures.order("BUY", "LMT", 5, 99.5, "m1") + "]").status()).isEqualTo(400);
        SimHttp.Reply unknown = http.post("/iserver/account/DU1234567/order/42", Fixtures.order("BUY", "LMT", 5, 99.5, "m1"));
        assertThat(unknown.status()).isEqualTo(400);
        assertThat(unknown.body()).isEqualTo("{\"error\":\"OrderID 42 doesn't exist\"}");
    }

    @Test void aSizeChangeAboveHalfAsksO10138() {
        ready();
        long id = place(Fixtures.order("BUY", "LMT", 4, 99.0, "m2")).json().get(0).get("order_id").asLong();
        JsonNode q = http.post("/iserver/account/DU1234567/order/" + id, Fixtures.order("BUY", "LMT", 10, 99.0, "m2")).json();
        assertThat(q.get(0).get("messageIds").get(0).asText()).isEqualTo("o10138");
        http.post("/iserver/reply/" + q.get(0).get("id").asText(), "{\"confirmed\":true}");
        assertThat(sim.orders().get(id).quantity()).isEqualTo(10);
    }

    @Test void cancelAcksThenCancelsAndMinusOneCancelsEverything() {
        ready();
        long a = http.placeConfirmed(Fixtures.ACCT, Fixtures.order("BUY", "LMT", 1, 90.0, "c-a")).json().get(0).get("order_id").asLong();
        long b = http.placeConfirmed(Fixtures.ACCT, Fixtures.order("BUY", "LMT", 1, 91.0, "c-b")).json().get(0).get("order_id").asLong();
        JsonNode ack = http.delete("/iserver/account/DU1234567/order/" + a).json();
        assertThat(ack.get("order_id").isNumber()).isTrue();
        assertThat(ack.get("conid").asLong()).isEqualTo(265598);
        assertThat(ack.get("account").asText()).isEqualTo("DU1234567");
        assertThat(http.delete("/iserver/account/DU1234567/order/-1").body())
            .isEqualTo("{\"msg\":\"Request was submitted\",\"order_id\":-1,\"conid\":-1,\"account\":null}");
        sim.clock().advance(Duration.ofSeconds(1));
        assertThat(sim.orders().get(a).status()).isEqualTo("Cancelled");
        assertThat(sim.orders().get(b).status()).isEqualTo("Cancelled");
        assertThat(http.delete("/iserver/account/DU1234567/order/" + a).body()).isEqualTo("{\"error\":\"OrderID " + a + " doesn't exist\"}");
    }

    @Test void liveOrdersWarmUpThenListRowsAndForceIsEmptyByDesign() {
        ready();
        place(Fixtures.order("BUY", "LMT", 3, 99.0, "live-1"));
        assertThat(http.get("/iserver/account/orders").body()).isEqualTo("{\"orders\":[],\"snapshot\":false}");
        JsonNode row = http.get("/iserver/account/orders").json().get("orders").get(0);
        assertThat(row.get("order_ref").asText()).isEqualTo("live-1");
        assertThat(row.get("price").asText()).isEqualTo("99.00");
        assertThat(row.get("orderType").asText()).isEqualTo("Limit");
        assertThat(row.get("origOrderType").asText()).isEqualTo("LIMIT");
        assertThat(row.get("sizeAndFills").asText()).isEqualTo("0/3");
        assertThat(row.get("side").asText()).isEqualTo("BUY");
        assertThat(row.get("lastExecutionTime").asText()).isEqualTo("260302150000");
        assertThat(row.get("orderId").isNumber()).isTrue();
        assertThat(http.get("/iserver/account/orders?force=true").body()).isEqualTo("{\"orders\":[],\"snapshot\":false}");
        assertThat(http.get("/iserver/account/orders").json().get("snapshot").asBoolean()).as("warm-up again").isFalse();
        assertThat(http.get("/iserver/account/orders?filters=filled").json().get("orders")).isEmpty();
        assertThat(http.get("/iserver/account/orders?filters=submitted").json().get("orders")).hasSize(1);
        sim.liveOrders().emptyNext(1);
        assertThat(http.get("/iserver/account/orders").body()).isEqualTo("{\"orders\":[],\"snapshot\":true}");
    }

    @Test void orderStatusAndTradesUseTheirOwnSpellings() {
        ready();
        long id = place(Fixtures.order("SELL", "MKT", 2, null, "t-1")).json().get(0).get("order_id").asLong();
        JsonNode st = http.get("/iserver/account/order/status/" + id).json();
        assertThat(st.get("side").asText()).isEqualTo("S");
        assertThat(st.get("total_size").asText()).isEqualTo("2");
        assertThat(st.get("cum_fill").asText()).isEqualTo("2");
        assertThat(st.get("order_status").asText()).isEqualTo("Filled");
        JsonNode t = http.get("/iserver/account/trades").json().get(0);
        assertThat(t.get("side").asText()).isEqualTo("S");
        assertThat(t.get("price").asText()).isEqualTo("99.99");
        assertThat(t.get("commission").asText()).isEqualTo("1.00");
        assertThat(t.get("order_ref").asText()).isEqualTo("t-1");
        assertThat(t.get("trade_time").asText()).isEqualTo("20260302-15:00:00");
        assertThat(t.get("execution_id").asText()).matches("[0-9a-f]{8}\\.[0-9a-f]{8}\\.01\\.01");
        sim.session().brokerageTimeout();
        sim.clock().advance(Duration.ofSeconds(1));
        http.post("/iserver/auth/ssodh/init", "{\"publish\":true,\"compete\":true}");
        assertThat(http.get("/iserver/account/order/status/" + id).status()).as("terminal before this epoch").isEqualTo(503);
    }

    @Test void acceptThenTimeoutCreatesTheOrderButAnswers503AndFailThenTimeoutDoesNot() {
        ready();
        sim.orders().acceptThenTimeout(1, Duration.ofMillis(50));
        SimHttp.Reply r = place(Fixtures.order("BUY", "LMT", 1, 50.0, "amb-1"));
        assertThat(r.status()).isEqualTo(503);
        assertThat(r.body()).isEmpty();
        assertThat(r.raw().headers().firstValue("x-response-time")).contains("50ms");
        assertThat(sim.orders().withCoid("amb-1")).hasSize(1);
        sim.orders().failThenTimeout(1, Duration.ofMillis(50));
        assertThat(place(Fixtures.order("BUY", "LMT", 1, 50.0, "amb-2")).status()).isEqualTo(503);
        assertThat(sim.orders().withCoid("amb-2")).isEmpty();
        assertThat(place(Fixtures.order("BUY", "LMT", 1, 50.0, "amb-1")).body()).contains("already registered");
    }

    @Test void externalOrdersShowUpWithTheirForeignReference() {
        ready();
        sim.backend().external(Fixtures.ACCT, Fixtures.AAPL, "BUY", 1, "LMT", 90.0, "TWS-7");
        http.get("/iserver/account/orders");
        assertThat(http.get("/iserver/account/orders").json().get("orders").get(0).get("order_ref").asText()).isEqualTo("TWS-7");
    }
}
