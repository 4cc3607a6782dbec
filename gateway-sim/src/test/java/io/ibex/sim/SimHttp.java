package io.ibex.sim;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;

/** A real JDK HttpClient pinned to the simulator's certificate, with hostname verification on. */
public final class SimHttp {
    public record Reply(int status, String body, HttpResponse<String> raw) {
        public JsonNode json() { return Json.parseOrNull(body); }
    }

    private final GatewaySimulator sim;
    final HttpClient client;

    public SimHttp(GatewaySimulator sim) {
        this.sim = sim;
        this.client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).sslContext(pinned(sim))
            .connectTimeout(Duration.ofSeconds(5)).build();
    }

    static SSLContext pinned(GatewaySimulator sim) {
        try {
            TrustManagerFactory tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            tmf.init(sim.trustStore());
            SSLContext ctx = SSLContext.getInstance("TLS");
            ctx.init(null, tmf.getTrustManagers(), null);
            return ctx;
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    public Reply get(String path) { return send(req(path).GET().build()); }

    public Reply post(String path, String json) {
        return send(req(path).header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(json)).build());
    }

    /** Places one order (wrapped form) and confirms every question; returns the final reply. */
    public Reply placeConfirmed(String acct, String orderJson) {
        Reply r = post("/iserver/account/" + acct + "/orders", "{\"orders\":[" + orderJson + "]}");
        for (int i = 0; i < 10 && r.status() == 200 && r.json() != null && r.json().isArray() && r.json().get(0).has("id"); i++)
            r = post("/iserver/reply/" + r.json().get(0).get("id").asText(), "{\"confirmed\":true}");
        return r;
    }

    public Reply delete(String path) { return send(req(path).DELETE().build()); }

    /** An absolute path (e.g. /__sim/state) instead of one under /v1/api, with the simulator's admin token. */
    public Reply getRoot(String path) { return send(root(path).GET().build()); }

    public Reply postRoot(String path, String json) {
        return send(root(path).header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(json)).build());
    }

    public Reply deleteRoot(String path) { return send(root(path).DELETE().build()); }

    /** Like {@link #getRoot} but without the admin token, as any other local process would ask. */
    public Reply getRootWithoutToken(String path) {
        return send(HttpRequest.newBuilder(URI.create(sim.rootUrl() + path)).header("User-Agent", "ibex-test").GET().build());
    }

    private HttpRequest.Builder root(String path) {
        return HttpRequest.newBuilder(URI.create(sim.rootUrl() + path)).header("User-Agent", "ibex-test")
            .header("X-Sim-Token", sim.adminToken());
    }

    private HttpRequest.Builder req(String path) {
        return HttpRequest.newBuilder(URI.create(sim.baseUrl() + path)).header("User-Agent", "ibex-test").timeout(Duration.ofSeconds(10));
    }

    public Reply send(HttpRequest r) {
        try {
            HttpResponse<String> resp = client.send(r, HttpResponse.BodyHandlers.ofString());
            return new Reply(resp.statusCode(), resp.body(), resp);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
