package io.ibex.live.fakeibeam;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.ibex.live.gateway.PinnedTls;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import javax.net.ssl.SSLContext;

/** The fake IBeam's HTTP: plain JDK client, TLS pinned to the simulator's PEM when given (never trust-all). */
final class GatewayCalls implements AutoCloseable {
    record Reply(int status, String body) {
        JsonNode json() {
            try {
                return JSON.readTree(body.isEmpty() ? "{}" : body);
            } catch (IOException e) {
                return JSON.createObjectNode();
            }
        }
    }

    static final ObjectMapper JSON = new ObjectMapper();
    private final HttpClient http;
    private final String baseUrl;
    private final Duration timeout;
    private final String simToken;

    GatewayCalls(FakeIbeamSettings s) {
        this.simToken = s.simToken();
        this.baseUrl = s.baseUrl();
        this.timeout = s.requestTimeout();
        HttpClient.Builder b = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(5));
        if (s.trustStorePem() != null && !s.trustStorePem().isBlank()) b.sslContext(pinned(s.trustStorePem()));
        this.http = b.build();
    }

    /** POST with a JSON body ({@code null} = no body at all, Content-Length 0, as IBeam sends ssodh/init). */
    Reply post(String path, String json) throws IOException {
        HttpRequest.Builder r = request(path);
        if (json == null) r.POST(HttpRequest.BodyPublishers.noBody());
        else r.header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(json));
        return send(r.build());
    }

    Reply get(String path) throws IOException {
        return send(request(path).GET().build());
    }

    private HttpRequest.Builder request(String path) {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(baseUrl + path)).timeout(timeout).header("User-Agent", "ibeam-fake");
        // the simulator's control routes (login-policy, gateway/stop) need its per-start token
        if (simToken != null && !simToken.isBlank() && path.startsWith("/__sim/")) b.header("X-Sim-Token", simToken);
        return b;
    }

    private Reply send(HttpRequest req) throws IOException {
        try {
            HttpResponse<String> resp = http.send(req, HttpResponse.BodyHandlers.ofString());
            return new Reply(resp.statusCode(), resp.body() == null ? "" : resp.body());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted", e);
        }
    }

    private static SSLContext pinned(String pemOrPath) {
        return pemOrPath.strip().startsWith("-----BEGIN") ? PinnedTls.fromPemText(pemOrPath, "FAKE_IBEAM_TRUSTSTORE")
            : PinnedTls.fromPem(Path.of(pemOrPath));
    }

    @Override public void close() { http.close(); }
}
