package io.ibex.session.alert;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/** A real HTTP receiver on 127.0.0.1 that records every POST and answers with scripted status codes (200 after them). */
final class AlertReceiver implements AutoCloseable {
    record Request(String path, Map<String, List<String>> headers, String body) {
        String header(String name) {
            return headers.entrySet().stream().filter(e -> e.getKey().equalsIgnoreCase(name))
                .map(e -> e.getValue().get(0)).findFirst().orElse(null);
        }
    }

    private final HttpServer server;
    private final LinkedBlockingQueue<Request> received = new LinkedBlockingQueue<>();
    private final Deque<Integer> statuses = new ArrayDeque<>();
    private volatile CountDownLatch hold = new CountDownLatch(0);

    AlertReceiver() {
        try {
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.createContext("/", ex -> {
            String body = new String(ex.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            try {
                hold.await(30, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            received.add(new Request(ex.getRequestURI().getPath(), Map.copyOf(ex.getRequestHeaders()), body));
            int status;
            synchronized (statuses) {
                status = statuses.isEmpty() ? 200 : statuses.pollFirst();
            }
            ex.sendResponseHeaders(status, -1);
            ex.close();
        });
        server.start();
    }

    String url(String path) { return "http://127.0.0.1:" + server.getAddress().getPort() + path; }

    void answer(Integer... codes) {
        synchronized (statuses) {
            statuses.addAll(List.of(codes));
        }
    }

    /** Requests wait until {@link #release()}. */
    void holdRequests() { hold = new CountDownLatch(1); }

    void release() { hold.countDown(); }

    Request next(Duration timeout) throws InterruptedException { return received.poll(timeout.toMillis(), TimeUnit.MILLISECONDS); }

    List<Request> drain() {
        List<Request> out = new ArrayList<>();
        received.drainTo(out);
        return out;
    }

    @Override public void close() { server.stop(0); }
}
