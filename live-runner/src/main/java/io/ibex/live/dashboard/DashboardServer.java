package io.ibex.live.dashboard;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.ser.std.ToStringSerializer;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.ibex.framework.error.ConfigException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLDecoder;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code ibex live --ui [HOST:]PORT}: a small web page of the runner's state, pushed by server-sent events. It binds to
 * loopback unless told otherwise, and every request needs the random token printed at start (401 without it); the
 * Host header must name the address it is bound to (no DNS rebinding). The page is one file shipped in the JAR, with no
 * CDN and no build step; its HALT button does what {@code ibex live halt} does.
 */
public final class DashboardServer implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(DashboardServer.class);
    private static final int CURVE_POINTS = 2_000;
    static final String TOKEN_HEADER = "X-Ibex-Token";

    private final HttpServer server;
    private final ExecutorService threads;
    private final ScheduledExecutorService keepAlive;
    private final String token;
    private final Runnable halt;
    private final Set<String> hosts;
    private final ObjectMapper json = JsonMapper.builder()
        .addModule(new SimpleModule().addSerializer(java.time.Instant.class, ToStringSerializer.instance))
        .enable(com.fasterxml.jackson.core.JsonGenerator.Feature.WRITE_BIGDECIMAL_AS_PLAIN).build();
    private final List<SseClient> clients = new CopyOnWriteArrayList<>();
    private final List<Object[]> curve = new ArrayList<>();          // [epoch millis, equity], as the page draws it
    private final String template = template();
    private volatile String stateJson = "null";
    private volatile boolean closed;

    private record SseClient(OutputStream out, CountDownLatch done) {}

    private DashboardServer(HttpServer server, String token, Runnable halt, Set<String> hosts) {
        this.server = server;
        this.token = token;
        this.halt = halt;
        this.hosts = hosts;
        this.threads = Executors.newCachedThreadPool(r -> daemon(r, "ibex-dashboard"));
        this.keepAlive = Executors.newSingleThreadScheduledExecutor(r -> daemon(r, "ibex-dashboard-keepalive"));
        server.setExecutor(threads);
        server.createContext("/", this::handle);
        server.start();
        keepAlive.scheduleAtFixedRate(() -> broadcast(": keep-alive\n\n"), 15, 15, TimeUnit.SECONDS);
    }

    /**
     * Starts the server.
     *
     * @param bind        {@code PORT} or {@code HOST:PORT}; port 0 picks a free one
     * @param allowRemote whether a non-loopback address may be bound ({@code --ui-allow-remote})
     * @param halt        engages the kill switch, as {@code ibex live halt} does
     */
    public static DashboardServer start(String bind, boolean allowRemote, Runnable halt) {
        String host = "127.0.0.1";
        String port = bind.trim();
        int colon = port.lastIndexOf(':');
        if (colon >= 0) {
            host = port.substring(0, colon).replaceAll("^\\[|]$", "");
            port = port.substring(colon + 1);
        }
        int p;
        try {
            p = Integer.parseInt(port);
        } catch (NumberFormatException e) {
            throw new ConfigException("--ui: '" + bind + "' is not [HOST:]PORT");
        }
        if (p < 0 || p > 65_535) throw new ConfigException("--ui: port " + p + " is out of range 0-65535");
        InetAddress address;
        try {
            address = InetAddress.getByName(host);
        } catch (UnknownHostException e) {
            throw new ConfigException("--ui: unknown host '" + host + "'");
        }
        if (!address.isLoopbackAddress() && !allowRemote) {
            throw new ConfigException("--ui: " + host + " is not a loopback address; the dashboard can halt trading, so it"
                + " binds to 127.0.0.1 unless you add --ui-allow-remote (and put it behind TLS)");
        }
        HttpServer s;
        try {
            s = HttpServer.create(new InetSocketAddress(address, p), 0);
        } catch (IOException e) {
            throw new ConfigException("--ui: cannot listen on " + host + ":" + p + " (" + e.getMessage() + ")");
        }
        int bound = s.getAddress().getPort();
        Set<String> hosts = address.isLoopbackAddress()
            ? Set.of("127.0.0.1:" + bound, "localhost:" + bound, "[::1]:" + bound)
            : Set.of();                                                   // remote: any name the operator's proxy uses
        byte[] raw = new byte[24];
        new SecureRandom().nextBytes(raw);
        return new DashboardServer(s, Base64.getUrlEncoder().withoutPadding().encodeToString(raw), halt, hosts);
    }

    /** The address to open, token included: {@code http://127.0.0.1:PORT/?token=...}. */
    public URI url() {
        InetSocketAddress a = server.getAddress();
        String host = a.getAddress().isAnyLocalAddress() || a.getAddress().isLoopbackAddress() ? "127.0.0.1" : a.getHostString();
        return URI.create("http://" + host + ":" + a.getPort() + "/?token=" + token);
    }

    public int port() { return server.getAddress().getPort(); }

    /** The new state: kept for new pages and pushed to every open one. Never blocks on a slow browser for long. */
    public void publish(DashboardSnapshot snapshot) {
        String body;
        synchronized (this) {
            if (snapshot.account() != null && snapshot.account().equity() != null) appendCurve(snapshot);
            try {
                body = json.writeValueAsString(new Page(snapshot, List.copyOf(curve)));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            stateJson = body;
        }
        broadcast("event: state\ndata: " + body + "\n\n");
    }

    /** The state as the page receives it: the snapshot plus the equity curve so far. */
    record Page(DashboardSnapshot state, List<Object[]> equityCurve) {}

    private void appendCurve(DashboardSnapshot s) {
        curve.add(new Object[]{s.time().toEpochMilli(), s.account().equity()});
        if (curve.size() > CURVE_POINTS) {                                // keep every other point: bounded, whole history
            List<Object[]> kept = new ArrayList<>(CURVE_POINTS / 2 + 1);
            for (int i = (curve.size() - 1) % 2; i < curve.size(); i += 2) kept.add(curve.get(i));   // the newest stays
            curve.clear();
            curve.addAll(kept);
        }
    }

    private void handle(HttpExchange ex) throws IOException {
        try (ex) {
            String host = ex.getRequestHeaders().getFirst("Host");
            if (!hosts.isEmpty() && (host == null || !hosts.contains(host.toLowerCase(java.util.Locale.ROOT)))) {
                send(ex, 421, "text/plain", "wrong Host header");
                return;
            }
            if (!authorised(ex)) {
                send(ex, 401, "text/plain", "token required: open the dashboard address ibex live printed");
                return;
            }
            String path = ex.getRequestURI().getPath();
            String method = ex.getRequestMethod();
            if (method.equals("GET") && path.equals("/")) page(ex);
            else if (method.equals("GET") && path.equals("/state")) send(ex, 200, "application/json", stateJson);
            else if (method.equals("GET") && path.equals("/events")) events(ex);
            else if (method.equals("POST") && path.equals("/halt")) halt(ex);
            else send(ex, 404, "text/plain", "not found");
        } catch (IOException e) {
            log.debug("dashboard request ended: {}", e.getMessage());
        }
    }

    private boolean authorised(HttpExchange ex) {
        String given = ex.getRequestHeaders().getFirst(TOKEN_HEADER);
        if (given == null) given = queryParam(ex.getRequestURI().getRawQuery(), "token");
        return given != null && MessageDigest.isEqual(given.getBytes(StandardCharsets.UTF_8), token.getBytes(StandardCharsets.UTF_8));
    }

    private static String queryParam(String query, String name) {
        if (query == null) return null;
        for (String kv : query.split("&")) {
            int eq = kv.indexOf('=');
            if (eq > 0 && kv.substring(0, eq).equals(name)) return URLDecoder.decode(kv.substring(eq + 1), StandardCharsets.UTF_8);
        }
        return null;
    }

    private void page(HttpExchange ex) throws IOException {
        byte[] nonceBytes = new byte[16];
        new SecureRandom().nextBytes(nonceBytes);
        String nonce = Base64.getEncoder().encodeToString(nonceBytes);
        String html = template.replace("{{nonce}}", nonce)
            .replace("{{state}}", stateJson.replace("</", "<\\/"));
        ex.getResponseHeaders().set("Content-Security-Policy", "default-src 'none'; script-src 'nonce-" + nonce + "'; style-src 'nonce-"
            + nonce + "'; connect-src 'self'; img-src 'self' data:; base-uri 'none'; form-action 'none'; frame-ancestors 'none'");
        ex.getResponseHeaders().set("Referrer-Policy", "no-referrer");
        send(ex, 200, "text/html; charset=utf-8", html);
    }

    /** The page, read once from the JAR. */
    private static String template() {
        try (InputStream in = DashboardServer.class.getResourceAsStream("dashboard.html")) {
            if (in == null) throw new IllegalStateException("dashboard.html missing from the JAR");
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void events(HttpExchange ex) throws IOException {
        ex.getResponseHeaders().set("Content-Type", "text/event-stream; charset=utf-8");
        ex.getResponseHeaders().set("Cache-Control", "no-store");
        ex.sendResponseHeaders(200, 0);
        OutputStream out = ex.getResponseBody();
        SseClient c = new SseClient(out, new CountDownLatch(1));
        synchronized (out) {
            out.write(("retry: 2000\nevent: state\ndata: " + stateJson + "\n\n").getBytes(StandardCharsets.UTF_8));
            out.flush();
        }
        clients.add(c);
        try {
            while (!closed && !c.done().await(1, TimeUnit.SECONDS)) {
                // the exchange stays open until the browser goes away or the server stops
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            clients.remove(c);
        }
    }

    private void halt(HttpExchange ex) throws IOException {
        String body = new String(ex.getRequestBody().readNBytes(1024), StandardCharsets.UTF_8);
        if (!body.replaceAll("\\s", "").contains("\"confirm\":\"HALT\"")) {
            send(ex, 400, "text/plain", "confirm with {\"confirm\":\"HALT\"}");
            return;
        }
        halt.run();
        log.warn("kill switch engaged from the dashboard");
        send(ex, 202, "application/json", "{\"halted\":true}");
    }

    private void broadcast(String event) {
        byte[] bytes = event.getBytes(StandardCharsets.UTF_8);
        for (SseClient c : clients) {
            try {
                synchronized (c.out()) {
                    c.out().write(bytes);
                    c.out().flush();
                }
            } catch (IOException e) {
                clients.remove(c);
                c.done().countDown();
            }
        }
    }

    private static void send(HttpExchange ex, int status, String type, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        ex.getResponseHeaders().set("Content-Type", type);
        ex.getResponseHeaders().set("Cache-Control", "no-store");
        ex.getResponseHeaders().set("X-Content-Type-Options", "nosniff");
        ex.sendResponseHeaders(status, bytes.length == 0 ? -1 : bytes.length);
        if (bytes.length > 0) ex.getResponseBody().write(bytes);
    }

    private static Thread daemon(Runnable r, String name) {
        Thread t = new Thread(r, name);
        t.setDaemon(true);
        return t;
    }

    @Override public void close() {
        closed = true;
        for (SseClient c : clients) c.done().countDown();
        keepAlive.shutdownNow();
        server.stop(0);
        threads.shutdownNow();
    }
}
