package io.ibex.session;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import javax.net.ssl.SSLContext;

/**
 * Minimal raw HTTPS to the gateway for the session and doctor calls (no retries). Every POST carries a JSON body, so the
 * gateway never answers 411. The Feign client replaces this for business calls.
 */
public final class GatewayHttp implements AutoCloseable {
    public record Reply(int status, String body, HttpHeaders headers) {}

    private final HttpClient http;
    private final String apiBase;
    private final Duration timeout;

    /** @param apiBase e.g. {@code https://localhost:5000/v1/api} */
    public GatewayHttp(String apiBase, SSLContext tls, Duration timeout) {
        this.apiBase = apiBase.replaceAll("/+$", "");
        this.timeout = timeout;
        this.http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).sslContext(tls)
            .connectTimeout(Duration.ofSeconds(5)).build();
    }

    public Reply post(String path, String json) throws IOException {
        return send(request(path).header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(json)).build());
    }

    public Reply get(String path) throws IOException {
        return send(request(path).GET().build());
    }

    private HttpRequest.Builder request(String path) {
        return HttpRequest.newBuilder(URI.create(apiBase + path)).timeout(timeout)
            .header("User-Agent", "ibex").header("Accept", "*/*");
    }

    private Reply send(HttpRequest req) throws IOException {
        try {
            HttpResponse<String> r = http.send(req, HttpResponse.BodyHandlers.ofString());
            return new Reply(r.statusCode(), r.body() == null ? "" : r.body(), r.headers());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted", e);
        }
    }

    @Override public void close() { http.close(); }
}
