package io.ibex.sim;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/** Pacing OFF/RECORD/ENFORCE with the penalty box (§5.3), on an injected pacing clock; the history concurrency cap. */
class PacingTest {
    private final AtomicLong nanos = new AtomicLong(1_000_000_000L);

    private GatewaySimulator start(PacingMode mode) {
        return GatewaySimulator.builder().clock(SimClock.manual(Fixtures.MONDAY_10AM_NY)).initialSession(SessionState.AUTHENTICATED)
            .pacing(mode).pacingClock(nanos::get).start();
    }

    @Test void recordModeLogsViolationsWithoutSlowingAnythingDown() {
        try (GatewaySimulator sim = start(PacingMode.RECORD)) {
            SimHttp http = new SimHttp(sim);
            assertThat(http.post("/tickle", "{}").status()).isEqualTo(200);
            assertThat(http.post("/tickle", "{}").status()).isEqualTo(200);
            assertThat(sim.pacingViolations()).hasSize(1);
            assertThat(sim.pacingViolations().get(0).bucket()).isEqualTo("/tickle");
            nanos.addAndGet(Duration.ofSeconds(1).toNanos());
            http.post("/tickle", "{}");
            assertThat(sim.pacingViolations()).hasSize(1);
        }
    }

    @Test void enforceAnswers429AndThePenaltyBoxBlocksEveryPathForTenMinutes() {
        try (GatewaySimulator sim = start(PacingMode.ENFORCE)) {
            SimHttp http = new SimHttp(sim);
            http.get("/iserver/account/orders");
            SimHttp.Reply second = http.get("/iserver/account/orders");
            assertThat(second.status()).isEqualTo(429);
            assertThat(second.body()).isEqualTo("{\"error\":\"Too many requests\"}");
            nanos.addAndGet(Duration.ofMinutes(9).toNanos());
            assertThat(http.post("/tickle", "{}").status()).isEqualTo(429);
            assertThat(http.get("/portfolio/DU1234567/summary").status()).isEqualTo(429);
            assertThat(sim.rateLimit().inPenaltyBox()).isTrue();
            nanos.addAndGet(Duration.ofMinutes(1).toNanos());
            assertThat(http.post("/tickle", "{}").status()).isEqualTo(200);
        }
    }

    @Test void theGlobalBucketCountsEveryPath() {
        try (GatewaySimulator sim = start(PacingMode.RECORD)) {
            SimHttp http = new SimHttp(sim);
            for (int i = 0; i < 11; i++) http.get("/portfolio/DU1234567/summary");
            assertThat(sim.pacingViolations()).extracting(PacingViolation::bucket).containsExactly("global");
        }
    }

    @Test void aPenaltyBoxCanBeTriggeredDirectly() {
        try (GatewaySimulator sim = start(PacingMode.ENFORCE)) {
            SimHttp http = new SimHttp(sim);
            sim.rateLimit().penaltyBox(Duration.ofMinutes(15));
            assertThat(http.post("/tickle", "{}").status()).isEqualTo(429);
            nanos.addAndGet(Duration.ofMinutes(15).toNanos());
            assertThat(http.post("/tickle", "{}").status()).isEqualTo(200);
        }
    }

    @Test void aSixthConcurrentHistoryRequestGets429WhileFiveDoNot() throws Exception {
        try (GatewaySimulator sim = start(PacingMode.OFF)) {
            SimHttp http = new SimHttp(sim);
            sim.clock().advance(Duration.ofMinutes(5));
            CountDownLatch handled = new CountDownLatch(5);
            sim.journal().onEntry(e -> { if (e.path().equals("/iserver/marketdata/history")) handled.countDown(); });
            sim.faults().on(Route.get("/iserver/marketdata/history")).times(5).applyFirst().latency(Duration.ofSeconds(2));
            HttpRequest req = HttpRequest.newBuilder(URI.create(sim.baseUrl() + "/iserver/marketdata/history?conid=265598&period=1d&bar=1min")).build();
            List<CompletableFuture<HttpResponse<String>>> slow = new ArrayList<>();
            for (int i = 0; i < 5; i++) slow.add(http.client.sendAsync(req, HttpResponse.BodyHandlers.ofString()));
            assertThat(handled.await(10, TimeUnit.SECONDS)).isTrue();
            SimHttp.Reply sixth = http.send(req);
            assertThat(sixth.status()).isEqualTo(429);
            assertThat(sixth.body()).isEqualTo("{\"error\":\"Too many history charts requests, please try again later.\"}");
            for (CompletableFuture<HttpResponse<String>> f : slow) assertThat(f.get(10, TimeUnit.SECONDS).statusCode()).isEqualTo(200);
        }
    }
}
