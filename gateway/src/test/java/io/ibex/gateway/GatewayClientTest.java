package io.ibex.gateway;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import static io.ibex.gateway.TestGateway.Reply;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class GatewayClientTest {
    private static final String ORDERS = "/v1/api/iserver/account/U1234567/orders";
    private final ManualClock clock = new ManualClock();
    private TestGateway gw;

    @AfterEach void stop() { if (gw != null) gw.close(); }

    @Test
    void snapshotReasksAfterThePreflightUntilValuesArrivePausingOnTheInjectedClock() throws Exception {
        gw = TestGateway.start().on("GET", "/v1/api/iserver/marketdata/snapshot",
            Reply.ok(Recorded.body("snapshot/preflight")), Reply.ok(Recorded.body("snapshot/preflight")),
            Reply.ok("[{\"conid\":265598,\"31\":\"168.42\"},{\"conid\":8314,\"31\":\"C12.00\"}]"));
        List<SnapshotRow> rows = gw.client(clock).snapshot(List.of(265598L, 8314L), List.of(31, 84, 86));

        assertThat(rows).extracting(r -> r.field(31).orElseThrow())
            .containsExactly(new FieldValue.Live(168.42), new FieldValue.PriorClose(12.0));
        List<TestGateway.Recorded> calls = gw.requests("GET", "/v1/api/iserver/marketdata/snapshot");
        assertThat(calls).hasSize(3);
        // Feign sends the commas as %2C, as ibind's python requests does against the real gateway
        assertThat(java.net.URLDecoder.decode(calls.get(0).query(), java.nio.charset.StandardCharsets.UTF_8))
            .isEqualTo("conids=265598,8314&fields=31,84,86");
        assertThat(clock.sleeps).contains(Duration.ofMillis(500));
    }

    @Test
    void snapshotGivesUpAfterTheBoundAndReportsTheConidWithoutFieldsNeverAsZero() throws Exception {
        gw = TestGateway.start().on("GET", "/v1/api/iserver/marketdata/snapshot", Reply.ok(Recorded.body("snapshot/preflight")));
        List<SnapshotRow> rows = gw.client(clock).snapshot(List.of(265598L, 999L), List.of(31));

        assertThat(gw.requests("GET", "/v1/api/iserver/marketdata/snapshot")).hasSize(5);
        assertThat(rows).extracting(SnapshotRow::conid).containsExactly(265598L, 999L);
        assertThat(rows).allMatch(SnapshotRow::isPreflight);
    }

    @Test
    void allowListedQuestionsAreConfirmedInOrderUntilTheOrderIsPlaced() throws Exception {
        gw = TestGateway.start()
            .on("POST", ORDERS, Reply.ok(Recorded.body("place-order/question")))
            .on("POST", "/v1/api/iserver/reply/07a13a5a-4a48-44a5-bb25-5ab37b79186c",
                Reply.ok("[{\"id\":\"second\",\"message\":[\"size limit\"],\"messageIds\":[\"o383\"]}]"))
            .on("POST", "/v1/api/iserver/reply/second", Reply.ok(Recorded.body("place-order/placed")));
        PlaceOrderReply reply = gw.client(clock).placeOrder(OrderTickets.limit("U1234567", 265598, "ibex-1", "180.00"),
            QuestionPolicy.allowList(QuestionPolicy.DEFAULT_ALLOWED));

        assertThat(reply).isEqualTo(new PlaceOrderReply.Placed("1234567890", "Submitted"));
        assertThat(gw.requests).extracting(TestGateway.Recorded::path).containsExactly(ORDERS,
            "/v1/api/iserver/reply/07a13a5a-4a48-44a5-bb25-5ab37b79186c", "/v1/api/iserver/reply/second");
        assertThat(gw.requests.get(1).body()).isEqualTo("{\"confirmed\":true}");
        assertThat(gw.requests.get(0).body()).contains("\"cOID\":\"ibex-1\"").contains("\"price\":180.00");
    }

    @Test
    void aQuestionOutsideTheAllowListIsDeclinedAndTheOrderEndsRejected() throws Exception {
        gw = TestGateway.start()
            .on("POST", ORDERS, Reply.ok("[{\"id\":\"q1\",\"message\":[\"No market data\"],\"messageIds\":[\"o354\"]}]"))
            .on("POST", "/v1/api/iserver/reply/q1", Reply.ok("{\"error\":\"order discarded\"}"));
        PlaceOrderReply reply = gw.client(clock).placeOrder(OrderTickets.market("U1234567", 265598, "ibex-2"),
            QuestionPolicy.allowList(QuestionPolicy.DEFAULT_ALLOWED));

        assertThat(reply).isInstanceOf(PlaceOrderReply.Rejected.class);
        assertThat(((PlaceOrderReply.Rejected) reply).reason()).contains("o354").contains("No market data");
        assertThat(gw.requests("POST", "/v1/api/iserver/reply/q1")).singleElement()
            .extracting(TestGateway.Recorded::body).isEqualTo("{\"confirmed\":false}");
    }

    @Test
    void anEndlessQuestionChainStopsAtTheCap() throws Exception {
        gw = TestGateway.start()
            .on("POST", ORDERS, Reply.ok("[{\"id\":\"loop\",\"message\":[\"again?\"],\"messageIds\":[\"o163\"]}]"))
            .on("POST", "/v1/api/iserver/reply/loop", Reply.ok("[{\"id\":\"loop\",\"message\":[\"again?\"],\"messageIds\":[\"o163\"]}]"));
        GatewayClient client = new GatewayClient(gw.apis(clock), clock, 5, 5, Duration.ofMillis(500));
        PlaceOrderReply reply = client.placeOrder(OrderTickets.market("U1234567", 265598, "ibex-3"), q -> true);

        assertThat(reply).isInstanceOf(PlaceOrderReply.Rejected.class);
        List<TestGateway.Recorded> replies = gw.requests("POST", "/v1/api/iserver/reply/loop");
        assertThat(replies).hasSize(6);
        assertThat(replies.get(5).body()).isEqualTo("{\"confirmed\":false}");
    }

    @Test
    void aRejectionArrivesAsHttp200WithAnObject() throws Exception {
        gw = TestGateway.start().on("POST", ORDERS, Reply.ok(Recorded.body("place-order/rejected")));
        PlaceOrderReply reply = gw.client(clock).placeOrder(OrderTickets.limit("U1234567", 265598, "ibex-4", "1.00"), q -> true);
        assertThat(reply).isInstanceOf(PlaceOrderReply.Rejected.class);
    }

    @Test
    void anUnreadableOrderAnswerOrADroppedConnectionLeavesTheOutcomeUnknown() throws Exception {
        gw = TestGateway.start().on("POST", ORDERS, Reply.ok("<html>gateway error</html>"));
        assertThatThrownBy(() -> gw.client(clock).placeOrder(OrderTickets.market("U1234567", 265598, "ibex-5"), q -> true))
            .isInstanceOf(OrderOutcomeUnknownException.class)
            .satisfies(e -> assertThat(((OrderOutcomeUnknownException) e).clientOrderId().value()).isEqualTo("ibex-5"));
        int port = gw.root().getPort();
        gw.close();
        GatewayClient client = new GatewayClient(GatewayTransport.build(java.net.URI.create("https://localhost:" + port),
            PinnedTls.fromPem(TestCert.pinned().pem()), clock, GatewayRateLimiter.ibkrDefaults(clock),
            Duration.ofSeconds(2), Duration.ofSeconds(2)), clock);
        assertThatThrownBy(() -> client.placeOrder(OrderTickets.market("U1234567", 265598, "ibex-6"), q -> true))
            .isInstanceOf(OrderOutcomeUnknownException.class);
        gw = null;
    }

    @Test
    void a400RefusalIsDefiniteNotUnknown() throws Exception {
        gw = TestGateway.start().on("POST", ORDERS, Reply.status(400, "{\"error\":\"invalid conid\"}"));
        assertThatThrownBy(() -> gw.client(clock).placeOrder(OrderTickets.market("U1234567", 1, "ibex-7"), q -> true))
            .isInstanceOf(GatewayRequestException.class).hasMessageContaining("invalid conid");
    }

    @Test
    void positionsArePagedUntilAShortPage() throws Exception {
        String full = IntStream.range(0, 100).mapToObj(i -> "{\"conid\":" + (i + 1) + ",\"position\":1,\"contractDesc\":\"S" + i + "\"}")
            .collect(Collectors.joining(",", "[", "]"));
        gw = TestGateway.start()
            .on("GET", "/v1/api/portfolio/U1234567/positions/0", Reply.ok(full))
            .on("GET", "/v1/api/portfolio/U1234567/positions/1", Reply.ok(Recorded.body("positions/page")));
        List<PortfolioPosition> all = gw.client(clock).positions(new AccountId("U1234567"));
        assertThat(all).hasSize(102);
        assertThat(gw.requests).hasSize(2);
    }

    @Test
    void anEmptyFirstLiveOrdersAnswerIsAskedAgainFiveSecondsLater() throws Exception {
        gw = TestGateway.start().on("GET", "/v1/api/iserver/account/orders",
            Reply.ok(Recorded.body("live-orders/empty")), Reply.ok(Recorded.body("live-orders/orders")));
        GatewayClient client = gw.client(clock);
        long t0 = clock.nanoTime();
        assertThat(client.liveOrders()).hasSize(2);
        assertThat(Duration.ofNanos(clock.nanoTime() - t0)).isGreaterThanOrEqualTo(Duration.ofSeconds(5));
    }

    @Test
    void refreshingLiveOrdersForcesTheCacheThenReadsAgainTwiceIfTheWarmUpAnswerIsEmpty() throws Exception {
        gw = TestGateway.start().on("GET", "/v1/api/iserver/account/orders", Reply.ok(Recorded.body("live-orders/empty")),
            Reply.ok(Recorded.body("live-orders/empty")), Reply.ok(Recorded.body("live-orders/orders")));
        assertThat(gw.client(clock).refreshLiveOrders()).hasSize(2);
        assertThat(gw.requests).extracting(TestGateway.Recorded::query).containsExactly("force=true", null, null);
    }

    @Test
    void symbolsResolveToTheUsListingOnceAndNumbersAreConids() throws Exception {
        gw = TestGateway.start().on("GET", "/v1/api/iserver/secdef/search", Reply.ok(Recorded.body("secdef-search/aapl")));
        GatewayClient client = gw.client(clock);
        assertThat(client.resolveConid("aapl")).isEqualTo(265598L);
        assertThat(client.resolveConid("AAPL")).isEqualTo(265598L);
        assertThat(client.resolveConid("8314")).isEqualTo(8314L);
        assertThat(gw.requests).hasSize(1);
        assertThat(gw.requests.get(0).query()).isEqualTo("symbol=AAPL");
        assertThatThrownBy(() -> client.resolveConid("AAPL3X")).hasMessageContaining("no stock listing found for symbol 'AAPL3X'");
    }

    @Test
    void anAccountThisLoginDoesNotServeIsRefusedWithMaskedIds() throws Exception {
        gw = TestGateway.start().on("GET", "/v1/api/iserver/accounts", Reply.ok(Recorded.body("accounts/iserver-accounts")));
        GatewayClient client = gw.client(clock);
        assertThat(client.resolveAccount(null).value()).isEqualTo("U1234567");
        assertThat(client.resolveAccount("U7654321").value()).isEqualTo("U7654321");
        assertThatThrownBy(() -> client.resolveAccount("U5555555"))
            .hasMessageContaining("U5****55").hasMessageContaining("U1****67").hasMessageNotContaining("U1234567");
        assertThat(Set.of(new AccountId("U1234567").toString())).containsExactly("U1****67");
    }
}
