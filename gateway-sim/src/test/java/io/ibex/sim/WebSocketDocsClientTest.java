package io.ibex.sim;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.net.http.WebSocket;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * A third-party client written only from IBKR's WebSocket documentation (ibkr-gateway.md §8), not ibex's: the JDK
 * WebSocket with hand-written topic strings. It must get greet → smd 31/84/86 → hb → sor after an order against the
 * simulator, and be refused without the session cookie. Manual clock; the waits are for network delivery only.
 */
class WebSocketDocsClientTest {
    static final Instant OPEN = Instant.parse("2026-03-02T15:00:00Z");
    final SimClock clock = SimClock.manual(OPEN);
    final GatewaySimulator sim = GatewaySimulator.builder().clock(clock).pacing(PacingMode.OFF)
        .initialSession(SessionState.AUTHENTICATED).defaultQuestions(false)
        .account(Account.paper(Fixtures.ACCT).cash("USD", 100_000))
        .instrument(SimInstrument.aapl().prices(secondTicks(189.60, 189.70, 189.65, 189.80, 189.75)))
        .start();
    final SimHttp http = new SimHttp(sim);

    @AfterEach void close() { sim.close(); }

    /** One tick a second from {@link #OPEN}, bid/ask a cent either side. */
    static PriceScript secondTicks(double... lasts) {
        List<Tick> ticks = new ArrayList<>();
        for (int i = 0; i < lasts.length; i++)
            ticks.add(new Tick(OPEN.toEpochMilli() + i * 1000L, lasts[i], PriceScript.round2(lasts[i] - 0.01),
                PriceScript.round2(lasts[i] + 0.01), 700, 700, 100, 100L * (i + 1)));
        return PriceScript.ticks(ticks);
    }

    /** Collects text messages; each frame is one JSON message. */
    static final class Inbox implements WebSocket.Listener {
        final BlockingQueue<String> messages = new LinkedBlockingQueue<>();
        final CompletableFuture<Integer> closed = new CompletableFuture<>();
        private final StringBuilder partial = new StringBuilder();

        @Override public CompletionStage<?> onText(WebSocket ws, CharSequence data, boolean last) {
            partial.append(data);
            if (last) {
                messages.add(partial.toString());
                partial.setLength(0);
            }
            ws.request(1);
            return null;
        }

        @Override public CompletionStage<?> onClose(WebSocket ws, int status, String reason) {
            closed.complete(status);
            return null;
        }

        @Override public void onError(WebSocket ws, Throwable error) { closed.complete(-1); }

        /** The next message matching {@code p}, skipping others; fails after 10 s of wall time (delivery, not speed). */
        JsonNode await(Predicate<JsonNode> p) throws InterruptedException {
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
            while (System.nanoTime() < deadline) {
                String m = messages.poll(100, TimeUnit.MILLISECONDS);
                if (m == null) continue;
                JsonNode n = Json.parseOrNull(m);
                if (n != null && p.test(n)) return n;
            }
            throw new AssertionError("no matching WebSocket message arrived; still queued: " + messages);
        }
    }

    WebSocket connect(Inbox inbox, String cookie) throws Exception {
        WebSocket.Builder b = http.client.newWebSocketBuilder();
        if (cookie != null) b.header("Cookie", cookie);
        return b.buildAsync(URI.create("wss://127.0.0.1:" + sim.port() + "/v1/api/ws"), inbox).get(10, TimeUnit.SECONDS);
    }

    @Test void greetThenMarketDataThenHeartbeatThenOrderUpdate() throws Exception {
        String session = http.post("/tickle", "{}").json().path("session").asText();
        Inbox inbox = new Inbox();
        WebSocket ws = connect(inbox, "api={\"session\":\"" + session + "\"}");

        assertThat(inbox.await(n -> n.has("success")).path("topic").asText()).isEqualTo("system");

        ws.sendText("smd+265598+{\"fields\":[\"31\",\"84\",\"86\"]}", true).get();
        JsonNode first = inbox.await(n -> n.path("topic").asText().equals("smd+265598"));
        assertThat(first.path("31").asText()).isEqualTo("189.60");
        assertThat(first.path("84").asText()).isEqualTo("189.59");
        assertThat(first.path("86").asText()).isEqualTo("189.61");
        assertThat(first.path("conid").asLong()).isEqualTo(265598);

        clock.advance(Duration.ofSeconds(1));
        JsonNode change = inbox.await(n -> n.path("topic").asText().equals("smd+265598"));
        assertThat(change.path("31").asText()).isEqualTo("189.70");
        assertThat(change.path("_updated").asLong()).isEqualTo(OPEN.toEpochMilli() + 1000);

        clock.advance(Duration.ofSeconds(9));
        assertThat(inbox.await(n -> n.has("hb")).path("topic").asText()).isEqualTo("system");
        clock.advance(Duration.ofSeconds(10));
        assertThat(inbox.await(n -> n.has("hb")).path("hb").asLong()).isEqualTo(OPEN.toEpochMilli() + 20_000);

        ws.sendText("tic", true).get();
        assertThat(inbox.await(n -> n.path("topic").asText().equals("tic"))).isNotNull();

        ws.sendText("sor+{}", true).get();
        http.get("/iserver/accounts");
        http.placeConfirmed(Fixtures.ACCT, Fixtures.order("BUY", "MKT", 5, null, "docs-1"));
        JsonNode sor = inbox.await(n -> n.path("topic").asText().equals("sor")
            && n.path("args").path(0).path("status").asText().equals("Filled"));
        assertThat(sor.path("args").path(0).path("order_ref").asText()).isEqualTo("docs-1");
        assertThat(sor.path("args").path(0).path("filledQuantity").asDouble()).isEqualTo(5.0);
        ws.sendClose(WebSocket.NORMAL_CLOSURE, "bye").get();
    }

    @Test void onlyChangedFieldsArePushed() throws Exception {
        String session = http.post("/tickle", "{}").json().path("session").asText();
        Inbox inbox = new Inbox();
        WebSocket ws = connect(inbox, "api={\"session\":\"" + session + "\"}");
        ws.sendText("smd+265598+{\"fields\":[\"31\",\"55\"]}", true).get();
        assertThat(inbox.await(n -> n.path("topic").asText().equals("smd+265598")).path("55").asText()).isEqualTo("AAPL");
        clock.advance(Duration.ofSeconds(1));
        JsonNode change = inbox.await(n -> n.path("topic").asText().equals("smd+265598"));
        assertThat(change.has("31")).isTrue();
        assertThat(change.has("55")).as("an unchanged field is not repeated").isFalse();
    }

    @Test void refusedWithoutTheSessionCookie() throws Exception {
        Inbox inbox = new Inbox();
        connect(inbox, null);
        assertThat(inbox.closed.get(10, TimeUnit.SECONDS)).isEqualTo(1008);
        assertThat(inbox.messages).noneMatch(m -> m.contains("success"));

        Inbox wrong = new Inbox();
        connect(wrong, "api={\"session\":\"00000000000000000000000000000000\"}");
        assertThat(wrong.closed.get(10, TimeUnit.SECONDS)).isEqualTo(1008);
    }

    @Test void subscriptionsEndAfterTheirLifetimeAndPushingStopsWhenTheSessionIsDown() throws Exception {
        sim.websocket().smdLifetime(Duration.ofSeconds(2));
        String session = http.post("/tickle", "{}").json().path("session").asText();
        Inbox inbox = new Inbox();
        WebSocket ws = connect(inbox, "api={\"session\":\"" + session + "\"}");
        ws.sendText("smd+265598+{\"fields\":[\"31\"]}", true).get();
        inbox.await(n -> n.path("topic").asText().equals("smd+265598"));
        clock.advance(Duration.ofSeconds(1));
        inbox.await(n -> n.path("31").asText().equals("189.70"));
        clock.advance(Duration.ofSeconds(2));   // lifetime over: the 189.80 tick must not arrive
        sim.session().brokerageTimeout();
        clock.advance(Duration.ofMillis(1));
        assertThat(inbox.await(n -> n.path("topic").asText().equals("sts")).path("args").path("authenticated").asBoolean())
            .isFalse();
        assertThat(inbox.messages).noneMatch(m -> m.contains("189.80") || m.contains("189.65"));
    }
}
