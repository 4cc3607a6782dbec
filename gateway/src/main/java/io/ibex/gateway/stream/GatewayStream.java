package io.ibex.gateway.stream;

import com.fasterxml.jackson.databind.JsonNode;
import io.ibex.gateway.GatewayException;
import io.ibex.gateway.GatewayProtocolException;
import io.ibex.gateway.SnapshotParser;
import io.ibex.gateway.SnapshotRow;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLParameters;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

/**
 * The gateway's WebSocket ({@code wss://HOST/v1/api/ws}, ibkr-gateway.md §8) over the JDK client, with the same pinned
 * TLS (hostname verification on) as the REST client; the root must already have passed {@code GatewayUrlPolicy}.
 * It connects with the cookie {@code api={"session":"<tickle session>"}}, subscribes {@code smd} per conid (merging
 * each push's changed fields into the last quote, parsed like snapshots), {@code sor} and {@code spl}.
 * <p>
 * {@link #maintain()} does the upkeep and is called by the owner about once a second, on the owner's clock: it sends
 * {@code tic}, renews every {@code smd} before IBKR's 15-minute end, reconnects when heartbeats stop or the socket
 * dropped, and resubscribes everything after a reconnect or a re-login ({@code sts} authenticated again).
 */
public final class GatewayStream implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(GatewayStream.class);

    private final URI wsUri;
    private final HttpClient http;
    private final Supplier<String> session;
    private final InstantSource clock;
    private final StreamConfig config;
    private final StreamListener listener;
    private final Map<Long, List<String>> smd = new LinkedHashMap<>();
    private final Map<Long, Instant> smdSentAt = new LinkedHashMap<>();
    private final Map<Long, SnapshotRow> quotes = new ConcurrentHashMap<>();
    private boolean orders, pnl;
    private volatile WebSocket socket;
    private volatile Listener current;
    private volatile boolean authenticated = true;
    private volatile boolean resubscribeDue;
    private volatile Instant lastHeartbeat;
    private Instant lastTic;
    private Instant nextAttempt = Instant.MIN;
    private int connects;
    private volatile boolean closed;

    /**
     * @param root    {@code https://host:port}, checked by GatewayUrlPolicy
     * @param session the {@code session} of a fresh {@code POST /tickle} (asked on every connect)
     */
    public GatewayStream(URI root, SSLContext ssl, Supplier<String> session, InstantSource clock, StreamConfig config,
                         StreamListener listener) {
        this.wsUri = URI.create(root.toString().replaceFirst("^https", "wss") + "/v1/api/ws");
        SSLParameters params = ssl.getDefaultSSLParameters();
        params.setEndpointIdentificationAlgorithm("HTTPS");
        this.http = HttpClient.newBuilder().sslContext(ssl).sslParameters(params).connectTimeout(Duration.ofSeconds(5)).build();
        this.session = Objects.requireNonNull(session, "session");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.config = Objects.requireNonNull(config, "config");
        this.listener = Objects.requireNonNull(listener, "listener");
    }

    /** Market data for {@code conid}: the fields wanted ({@code smd+CONID+{"fields":[...]}}); sent now if connected. */
    public synchronized void subscribe(long conid, List<Integer> fields) {
        List<String> f = fields.stream().map(String::valueOf).toList();
        smd.put(conid, f);
        if (isOpen()) sendSmd(conid);
    }

    public synchronized void unsubscribe(long conid) {
        smd.remove(conid);
        smdSentAt.remove(conid);
        quotes.remove(conid);
        if (isOpen()) send("umd+" + conid + "+{}");
    }

    /** Live order updates ({@code sor+{}}). */
    public synchronized void subscribeOrders() {
        orders = true;
        if (isOpen()) send("sor+{}");
    }

    /** P&L updates ({@code spl+{}}). */
    public synchronized void subscribePnl() {
        pnl = true;
        if (isOpen()) send("spl+{}");
    }

    /** The last merged quote of {@code conid}, if any arrived. */
    public SnapshotRow quote(long conid) { return quotes.get(conid); }

    /** Open, heartbeats arriving and the session authenticated: quotes from here can be trusted. */
    public boolean healthy() {
        Instant hb = lastHeartbeat;
        return isOpen() && authenticated && hb != null && !clock.instant().isAfter(hb.plus(config.heartbeatTimeout()));
    }

    /** How many times a socket was opened (the first connect included). */
    public synchronized int connects() { return connects; }

    /** Re-sends every subscription (after a re-login: the gateway forgets them with the old brokerage session). */
    public void resubscribeAll() { resubscribeDue = true; }

    /** The upkeep; see the class comment. Never throws for a gateway problem: it reports it and tries again later. */
    public synchronized void maintain() {
        if (closed) return;
        Instant now = clock.instant();
        if (isOpen() && lastHeartbeat != null && now.isAfter(lastHeartbeat.plus(config.heartbeatTimeout()))) {
            status("no heartbeat since " + lastHeartbeat + "; reconnecting");
            abort();
        }
        if (!isOpen()) {
            if (now.isBefore(nextAttempt)) return;
            nextAttempt = now.plus(config.reconnectBackoff());
            if (!connect(now)) return;
        }
        if (resubscribeDue) {
            resubscribeDue = false;
            sendAll();
        }
        for (Long conid : new ArrayList<>(smd.keySet())) {
            Instant sent = smdSentAt.get(conid);
            if (sent == null || !now.isBefore(sent.plus(config.renewEvery()))) sendSmd(conid);
        }
        if (lastTic == null || !now.isBefore(lastTic.plus(config.ticEvery()))) {
            send("tic");
            lastTic = now;
        }
    }

    private boolean connect(Instant now) {
        try {
            String cookie = "api={\"session\":\"" + session.get() + "\"}";
            Listener l = new Listener();
            WebSocket ws = http.newWebSocketBuilder().header("Cookie", cookie).connectTimeout(Duration.ofSeconds(5))
                .buildAsync(wsUri, l).get(10, TimeUnit.SECONDS);
            socket = ws;
            current = l;
            if (l.dead) return false;   // refused at once (e.g. closed 1008 for a bad session)
            authenticated = true;
            lastHeartbeat = now;   // the clock starts now: the first heartbeat is due within 10 s
            lastTic = now;
            connects++;
            status(connects == 1 ? "stream connected" : "stream reconnected (" + connects + ")");
            smdSentAt.clear();
            quotes.clear();   // a merged quote is only good within one connection: the first push carries every field
            sendAll();
            return true;
        } catch (GatewayException e) {
            status("stream: cannot get a session (" + e.getMessage() + "); retrying in " + config.reconnectBackoff().toSeconds() + " s");
        } catch (java.util.concurrent.ExecutionException | java.util.concurrent.TimeoutException e) {
            Throwable cause = e.getCause() == null ? e : e.getCause();
            String why = cause instanceof java.net.http.WebSocketHandshakeException h
                ? "handshake answered HTTP " + h.getResponse().statusCode() : String.valueOf(cause.getMessage());
            status("stream: cannot connect to " + wsUri + " (" + why + "); retrying in "
                + config.reconnectBackoff().toSeconds() + " s");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return false;
    }

    private void sendAll() {
        for (Long conid : smd.keySet()) sendSmd(conid);
        if (orders) send("sor+{}");
        if (pnl) send("spl+{}");
    }

    private void sendSmd(long conid) {
        StringBuilder b = new StringBuilder("smd+").append(conid).append("+{\"fields\":[");
        List<String> f = smd.get(conid);
        for (int i = 0; i < f.size(); i++) b.append(i == 0 ? "\"" : ",\"").append(f.get(i)).append('"');
        send(b.append("]}").toString());
        smdSentAt.put(conid, clock.instant());
    }

    private void send(String text) {
        WebSocket ws = socket;
        if (ws == null || !isOpen()) return;
        try {
            ws.sendText(text, true).get(10, TimeUnit.SECONDS);
        } catch (java.util.concurrent.ExecutionException | java.util.concurrent.TimeoutException e) {
            status("stream: send failed (" + (e.getCause() == null ? e : e.getCause()).getMessage() + "); reconnecting");
            abort();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private boolean isOpen() {
        Listener l = current;
        return l != null && !l.dead;
    }

    private void abort() {
        Listener l = current;
        if (l != null) l.dead = true;
        WebSocket ws = socket;
        socket = null;
        if (ws != null) ws.abort();
    }

    private void status(String s) {
        log.info(s);
        listener.onStatus(s);
    }

    @Override public synchronized void close() {
        closed = true;
        WebSocket ws = socket;
        if (ws != null && isOpen()) {
            try {
                ws.sendClose(WebSocket.NORMAL_CLOSURE, "bye").get(2, TimeUnit.SECONDS);
            } catch (Exception e) {
                ws.abort();
            }
        }
        if (current != null) current.dead = true;
        socket = null;
    }

    /** Dispatches one text message by topic. A message that is not JSON is logged and skipped, never fatal. */
    void onMessage(String text) {
        if (text.startsWith("{\"topic\":\"smd+") || text.contains("\"topic\":\"smd+")) {
            onSmd(text);
            return;
        }
        JsonNode n;
        try {
            n = io.ibex.gateway.Json.MAPPER.readTree(text);
        } catch (Exception e) {
            log.warn("stream: skipped a message that is not JSON: {}", abbreviate(text));
            return;
        }
        String topic = n.path("topic").asText("");
        switch (topic) {
            case "system" -> {
                if (!n.has("hb")) return;
                lastHeartbeat = clock.instant();
                listener.onHeartbeat();
            }
            case "sts" -> onAuth(n.path("args").path("authenticated").asBoolean(false));
            case "sor" -> { for (JsonNode row : n.path("args")) order(row); }
            case "spl" -> n.path("args").fields().forEachRemaining(e -> listener.onPnl(new PnlUpdate(e.getKey(),
                number(e.getValue().get("dpl")), number(e.getValue().get("upl")), number(e.getValue().get("nl")))));
            default -> { }   // tic answers, ntf/blt notices, "waiting for session"
        }
    }

    private void onSmd(String text) {
        SnapshotRow row;
        try {
            row = SnapshotParser.parseObject(text);
        } catch (GatewayProtocolException e) {
            log.warn("stream: skipped an unreadable smd message: {}", abbreviate(text));
            return;
        }
        if (row == null) return;
        SnapshotRow merged = quotes.merge(row.conid(), row, SnapshotRow::mergedWith);
        listener.onQuote(merged);
    }

    private void onAuth(boolean nowAuthenticated) {
        boolean was = authenticated;
        authenticated = nowAuthenticated;
        if (was && !nowAuthenticated) status("stream: session not authenticated; quotes paused");
        if (!was && nowAuthenticated) {
            status("stream: session authenticated again; resubscribing");
            resubscribeDue = true;
        }
    }

    private void order(JsonNode row) {
        String id = row.path("orderId").asText("");
        if (id.isEmpty()) return;
        listener.onOrder(new OrderUpdate(id, text(row, "status"), decimal(row.get("filledQuantity")),
            decimal(row.get("avgPrice")), text(row, "order_ref")));
    }

    private static java.util.Optional<String> text(JsonNode row, String field) {
        JsonNode v = row.get(field);
        return v == null || v.isNull() || v.asText().isEmpty() ? java.util.Optional.empty() : java.util.Optional.of(v.asText());
    }

    private static java.util.Optional<java.math.BigDecimal> decimal(JsonNode v) {
        if (v == null || v.isNull()) return java.util.Optional.empty();
        try {
            return java.util.Optional.of(new java.math.BigDecimal(v.asText().replace(",", "").trim()));
        } catch (NumberFormatException e) {
            return java.util.Optional.empty();
        }
    }

    private static java.util.OptionalDouble number(JsonNode v) {
        return v != null && v.isNumber() ? java.util.OptionalDouble.of(v.asDouble()) : java.util.OptionalDouble.empty();
    }

    private static String abbreviate(String s) { return s.length() <= 80 ? s : s.substring(0, 80) + "..."; }

    private final class Listener implements WebSocket.Listener {
        private final StringBuilder partial = new StringBuilder();
        volatile boolean dead;

        @Override public CompletionStage<?> onText(WebSocket ws, CharSequence data, boolean last) {
            partial.append(data);
            if (last && !dead) {
                String text = partial.toString();
                partial.setLength(0);
                try {
                    onMessage(text);
                } catch (RuntimeException e) {
                    log.warn("stream: a message could not be handled ({}): {}", e.getMessage(), abbreviate(text));
                }
            }
            ws.request(1);
            return null;
        }

        @Override public CompletionStage<?> onClose(WebSocket ws, int status, String reason) {
            if (!dead) {
                dead = true;
                status("stream closed by the gateway (" + status + (reason.isEmpty() ? "" : " " + reason) + ")");
            }
            return null;
        }

        @Override public void onError(WebSocket ws, Throwable error) {
            if (!dead) {
                dead = true;
                status("stream failed (" + error.getMessage() + ")");
            }
        }
    }
}
