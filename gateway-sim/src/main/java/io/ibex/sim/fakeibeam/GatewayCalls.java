package io.ibex.sim.fakeibeam;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.security.cert.CertificateFactory;
import java.time.Duration;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;

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

    /**
     * Trusts exactly the certificates of the PEM (text, or a path to it), as IBeam's own pinned requests do. The fake
     * has its own few lines for this on purpose: it stands in for a separate program and must not borrow the client
     * it is there to exercise.
     */
    static SSLContext pinned(String pemOrPath) {
        try {
            byte[] pem = pemOrPath.strip().startsWith("-----BEGIN") ? pemOrPath.getBytes(StandardCharsets.US_ASCII)
                : Files.readAllBytes(Path.of(pemOrPath));
            KeyStore trust = KeyStore.getInstance(KeyStore.getDefaultType());
            trust.load(null, null);
            int n = 0;
            for (Certificate c : CertificateFactory.getInstance("X.509").generateCertificates(new ByteArrayInputStream(pem)))
                trust.setCertificateEntry("pinned-" + n++, c);
            if (n == 0) throw new IllegalArgumentException("FAKE_IBEAM_TRUSTSTORE holds no certificate");
            TrustManagerFactory tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            tmf.init(trust);
            SSLContext ctx = SSLContext.getInstance("TLS");
            ctx.init(null, tmf.getTrustManagers(), null);
            return ctx;
        } catch (IOException | GeneralSecurityException e) {
            throw new IllegalArgumentException("FAKE_IBEAM_TRUSTSTORE: cannot read the pinned certificate: " + e.getMessage(), e);
        }
    }

    @Override public void close() { http.close(); }
}
