package io.ibex.gateway;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsServer;

import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A tiny HTTPS server with canned answers per route, for transport tests until the gateway simulator is on main.
 * Like the real gateway it answers 411 to a POST without Content-Length. It records every request.
 */
public final class TestGateway implements AutoCloseable {
    public record Reply(int status, String body, Map<String, String> headers) {
        public static Reply ok(String body) { return new Reply(200, body, Map.of()); }
        public static Reply status(int status, String body) { return new Reply(status, body, Map.of()); }
    }

    public record Recorded(String method, String path, String query, Map<String, List<String>> headers, String body) {
        public String header(String name) {
            for (var e : headers.entrySet()) if (e.getKey().equalsIgnoreCase(name)) return e.getValue().get(0);
            return null;
        }
    }

    private final HttpsServer server;
    private final Map<String, ArrayDeque<Reply>> routes = new ConcurrentHashMap<>();
    public final List<Recorded> requests = new CopyOnWriteArrayList<>();

    TestGateway(TestCert cert) throws Exception {
        KeyManagerFactory kmf = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
        kmf.init(cert.load(), cert.password().toCharArray());
        SSLContext ctx = SSLContext.getInstance("TLS");
        ctx.init(kmf.getKeyManagers(), null, null);
        server = HttpsServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.setHttpsConfigurator(new HttpsConfigurator(ctx));
        server.createContext("/", this::handle);
        server.start();
    }

    public static TestGateway start() throws Exception { return new TestGateway(TestCert.pinned()); }

    /** Answers {@code method path} with the replies in turn; the last one repeats. */
    public TestGateway on(String method, String path, Reply... replies) {
        routes.put(method + " " + path, new ArrayDeque<>(List.of(replies)));
        return this;
    }

    public URI root() { return URI.create("https://localhost:" + server.getAddress().getPort()); }

    public List<Recorded> requests(String method, String path) {
        return requests.stream().filter(r -> r.method().equals(method) && r.path().equals(path)).toList();
    }

    GatewayTransport.Apis apis(GatewayClock clock) {
        return GatewayTransport.build(root(), PinnedTls.fromPem(TestCert.pinned().pem()), clock,
            GatewayRateLimiter.ibkrDefaults(clock), Duration.ofSeconds(5), Duration.ofSeconds(5));
    }

    GatewayClient client(GatewayClock clock) { return new GatewayClient(apis(clock), clock); }

    private void handle(HttpExchange ex) throws IOException {
        try (ex) {
            String method = ex.getRequestMethod();
            String path = ex.getRequestURI().getRawPath();
            byte[] body = ex.getRequestBody().readAllBytes();
            requests.add(new Recorded(method, path, ex.getRequestURI().getRawQuery(), Map.copyOf(ex.getRequestHeaders()),
                new String(body, StandardCharsets.UTF_8)));
            if (method.equals("POST") && ex.getRequestHeaders().getFirst("Content-Length") == null
                    && ex.getRequestHeaders().getFirst("Transfer-Encoding") == null) {
                send(ex, new Reply(411, "", Map.of()));
                return;
            }
            ArrayDeque<Reply> queue = routes.get(method + " " + path);
            if (queue == null) {
                send(ex, Reply.status(404, "{\"error\":\"no route " + method + " " + path + "\"}"));
                return;
            }
            Reply reply;
            synchronized (queue) {
                reply = queue.size() > 1 ? queue.poll() : queue.peek();
            }
            send(ex, reply);
        }
    }

    private static void send(HttpExchange ex, Reply reply) throws IOException {
        reply.headers().forEach((k, v) -> ex.getResponseHeaders().add(k, v));
        byte[] bytes = reply.body().getBytes(StandardCharsets.UTF_8);
        ex.getResponseHeaders().add("Content-Type", "application/json;charset=utf-8");
        ex.sendResponseHeaders(reply.status(), bytes.length == 0 ? -1 : bytes.length);
        if (bytes.length > 0) ex.getResponseBody().write(bytes);
    }

    @Override public void close() { server.stop(0); }
}
