package io.ibex.gateway;

import feign.Retryer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.lang.reflect.Field;
import java.lang.reflect.Proxy;
import java.time.Duration;
import java.util.Map;

import static io.ibex.gateway.TestGateway.Reply;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class GatewayTransportTest {
    private final ManualClock clock = new ManualClock();
    private TestGateway gw;

    @AfterEach void stop() { if (gw != null) gw.close(); }

    @Test
    void bodyLessPostsCarryAnEmptyJsonBodyWithContentLengthSoTheGatewayNever411s() throws Exception {
        gw = TestGateway.start().on("POST", "/v1/api/tickle", Reply.ok("{\"session\":\"abc\",\"iserver\":{\"authStatus\":"
            + "{\"authenticated\":true,\"connected\":true,\"competing\":false}}}"));
        AuthStatus status = gw.client(clock).tickle();

        assertThat(status.healthy()).isTrue();
        TestGateway.Recorded r = gw.requests("POST", "/v1/api/tickle").get(0);
        assertThat(r.body()).isEqualTo("{}");
        assertThat(r.header("Content-Length")).isEqualTo("2");
        assertThat(r.header("Content-Type")).startsWith("application/json");
        assertThat(r.header("User-Agent")).startsWith("ibex/");
        assertThat(r.header("Accept")).isEqualTo("*/*");
    }

    @Test
    void theTestServerReally411sAPostWithoutContentLength() throws Exception {
        gw = TestGateway.start();
        var factory = PinnedTls.fromPem(TestCert.pinned().pem()).getSocketFactory();
        try (var socket = factory.createSocket("localhost", gw.root().getPort())) {
            socket.getOutputStream().write("POST /v1/api/tickle HTTP/1.1\r\nHost: localhost\r\n\r\n"
                .getBytes(java.nio.charset.StandardCharsets.US_ASCII));
            socket.getOutputStream().flush();
            String statusLine = new java.io.BufferedReader(new java.io.InputStreamReader(socket.getInputStream())).readLine();
            assertThat(statusLine).contains(" 411");
        }
    }

    @Test
    void aServerWithAnyOtherCertificateIsRefusedBeforeARequestIsAnswered() throws Exception {
        try (TestGateway impostor = new TestGateway(TestCert.other())) {
            impostor.on("GET", "/v1/api/iserver/accounts", Reply.ok("{\"accounts\":[\"U1234567\"]}"));
            GatewayClient client = new GatewayClient(GatewayTransport.build(impostor.root(),
                PinnedTls.fromPem(TestCert.pinned().pem()), clock, GatewayRateLimiter.ibkrDefaults(clock),
                Duration.ofSeconds(5), Duration.ofSeconds(5)), clock);

            assertThatThrownBy(client::brokerageAccounts)
                .isInstanceOf(GatewayUnreachableException.class)
                .hasMessageContaining("TLS handshake failed");
            assertThat(impostor.requests).isEmpty();
            assertThat(clock.sleeps).as("a TLS failure is not retried").isEmpty();
        }
    }

    @Test
    void hostnameVerificationStaysOnWhenTheHostIsNotInTheCertificate() throws Exception {
        gw = TestGateway.start().on("GET", "/v1/api/iserver/accounts", Reply.ok("{\"accounts\":[]}"));
        // the cert names localhost and 127.0.0.1 only; 127.0.0.2 is loopback but not in the SAN
        var root = java.net.URI.create("https://127.0.0.2:" + gw.root().getPort());
        GatewayClient client = new GatewayClient(GatewayTransport.build(root, PinnedTls.fromPem(TestCert.pinned().pem()),
            clock, GatewayRateLimiter.ibkrDefaults(clock), Duration.ofSeconds(2), Duration.ofSeconds(2)), clock);
        assertThatThrownBy(client::brokerageAccounts).isInstanceOf(GatewayUnreachableException.class);
    }

    @Test
    void theOrderClientIsBuiltWithNeverRetryAndTheReadClientsWithTheGetOnlyRetryer() throws Exception {
        gw = TestGateway.start();
        GatewayTransport.Apis apis = gw.apis(clock);

        assertThat(retryerOf(apis.orders())).isSameAs(Retryer.NEVER_RETRY);
        assertThat(retryerOf(apis.orderQueries())).isInstanceOf(GetOnlyRetryer.class);
    }

    @Test
    void anOrderPostAnswered503WithRetryAfterIsSentExactlyOnceAndItsOutcomeIsUnknown() throws Exception {
        gw = TestGateway.start().on("POST", "/v1/api/iserver/account/U1234567/orders",
            new Reply(503, "", Map.of("Retry-After", "0")));
        GatewayClient client = gw.client(clock);
        OrderTicket ticket = OrderTickets.market("U1234567", 265598, "coid-1");

        assertThatThrownBy(() -> client.placeOrder(ticket, QuestionPolicy.DECLINE_ALL))
            .isInstanceOf(OrderOutcomeUnknownException.class)
            .hasMessageContaining("coid-1").hasMessageContaining("NOT resent");
        assertThat(gw.requests("POST", "/v1/api/iserver/account/U1234567/orders")).hasSize(1);
    }

    @Test
    void aDeleteAnswered503WithRetryAfterIsNotRetriedEither() throws Exception {
        gw = TestGateway.start().on("DELETE", "/v1/api/iserver/account/U1234567/order/42",
            new Reply(503, "", Map.of("Retry-After", "0")));
        GatewayClient client = gw.client(clock);

        assertThatThrownBy(() -> client.cancel(new AccountId("U1234567"), "42")).isInstanceOf(GatewayUnavailableException.class);
        assertThat(gw.requests("DELETE", "/v1/api/iserver/account/U1234567/order/42")).hasSize(1);
    }

    @Test
    void aGetAnswered503IsRetriedWithBackoffOnTheInjectedClockThenSucceeds() throws Exception {
        gw = TestGateway.start().on("GET", "/v1/api/iserver/accounts",
            new Reply(503, "{\"error\":\"Details currently unavailable\"}", Map.of("Retry-After", "2")),
            Reply.status(500, ""),
            Reply.ok("{\"accounts\":[\"U1234567\"],\"selectedAccount\":\"U1234567\"}"));
        BrokerageAccounts accounts = gw.client(clock).brokerageAccounts();

        assertThat(accounts.selected()).isEqualTo("U1234567");
        assertThat(gw.requests("GET", "/v1/api/iserver/accounts")).hasSize(3);
        assertThat(clock.sleeps).contains(Duration.ofSeconds(2), Duration.ofMillis(1000));
    }

    @Test
    void aGetThatKeepsFailingEndsInTheTypedExceptionWithTheGatewaysMessage() throws Exception {
        gw = TestGateway.start().on("GET", "/v1/api/iserver/accounts", Reply.status(503, "{\"error\":\"not ready\",\"statusCode\":503}"));
        assertThatThrownBy(() -> gw.client(clock).brokerageAccounts())
            .isInstanceOf(GatewayUnavailableException.class).hasMessageContaining("not ready");
        assertThat(gw.requests("GET", "/v1/api/iserver/accounts")).hasSize(3);
    }

    @Test
    void statusCodesMapToTypedExceptions() throws Exception {
        gw = TestGateway.start()
            .on("GET", "/v1/api/portfolio/accounts", Reply.status(401, ""))
            .on("GET", "/v1/api/iserver/secdef/search", Reply.status(400, "{\"error\":\"Bad Request: no bridge\",\"statusCode\":400}"))
            .on("GET", "/v1/api/portfolio/U1234567/ledger", Reply.status(429, "{\"error\":\"Too many requests\"}"))
            .on("GET", "/v1/api/portfolio/U1234567/summary", Reply.status(400, "{\"error\":\"bad account\"}"));
        GatewayClient client = gw.client(clock);
        AccountId acct = new AccountId("U1234567");

        assertThatThrownBy(client::portfolioAccounts).isInstanceOf(GatewaySessionExpiredException.class);
        assertThatThrownBy(() -> client.search("AAPL")).isInstanceOf(NoBridgeException.class).hasMessageContaining("no bridge");
        assertThatThrownBy(() -> client.summary(acct)).isInstanceOf(GatewayRequestException.class)
            .hasMessageContaining("bad account").hasMessageContaining("U1****67").hasMessageNotContaining("U1234567");
        assertThatThrownBy(() -> client.ledger(acct)).isInstanceOf(RateLimitedException.class);
        assertThatThrownBy(() -> client.ledger(acct)).as("inside the penalty box nothing is sent")
            .isInstanceOf(RateLimitedException.class).hasMessageContaining("Not sent");
        assertThat(gw.requests("GET", "/v1/api/portfolio/U1234567/ledger")).hasSize(1);
    }

    /**
     * Reads the retryer of every method out of a Feign proxy: handler -> dispatch map -> each
     * SynchronousMethodHandler -> its MethodHandlerConfiguration's retryer. Fails if the methods disagree.
     */
    static Object retryerOf(Object feignProxy) throws Exception {
        Object handler = Proxy.getInvocationHandler(feignProxy);
        Field dispatch = handler.getClass().getDeclaredField("dispatch");
        dispatch.setAccessible(true);
        Map<?, ?> methods = (Map<?, ?>) dispatch.get(handler);
        java.util.Set<Object> retryers = java.util.Collections.newSetFromMap(new java.util.IdentityHashMap<>());
        for (Object methodHandler : methods.values()) {
            Field config = methodHandler.getClass().getDeclaredField("methodHandlerConfiguration");
            config.setAccessible(true);
            Object cfg = config.get(methodHandler);
            retryers.add(cfg.getClass().getMethod("getRetryer").invoke(cfg));
        }
        assertThat(retryers).as("one retryer for all methods").hasSize(1);
        return retryers.iterator().next();
    }
}
