package io.ibex.sim;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** §8: two simulators run side by side in one JVM, and the same seed gives byte-identical responses. */
class DeterminismTest {
    private static GatewaySimulator start(long seed) {
        return GatewaySimulator.builder().clock(SimClock.manual(Fixtures.MONDAY_10AM_NY)).seed(seed).pacing(PacingMode.OFF)
            .instrument(SimInstrument.aapl().prices(PriceScript.randomWalk(seed, 189.60, 5)))
            .instrument(SimInstrument.spy().prices(PriceScript.randomWalk(seed + 1, 470.00, 5)))
            .start();
    }

    private static List<String> script(GatewaySimulator sim) {
        SimHttp http = new SimHttp(sim);
        List<String> bodies = new ArrayList<>();
        bodies.add(http.postRoot("/__sim/login", "{\"username\":\"simuser\",\"password\":\"simpass\"}").body());
        bodies.add(http.post("/tickle", "{}").body());
        bodies.add(http.get("/iserver/accounts").body());
        bodies.add(http.get("/iserver/marketdata/snapshot?conids=265598,756733&fields=31,84,86,88,87").body());
        sim.clock().advance(Duration.ofSeconds(30));
        bodies.add(http.get("/iserver/marketdata/snapshot?conids=265598,756733&fields=31,84,86,88,87").body());
        String q = http.post("/iserver/account/DU1234567/orders",
            "{\"orders\":[{\"conid\":265598,\"orderType\":\"LMT\",\"price\":150,\"side\":\"BUY\",\"quantity\":1000,\"cOID\":\"det-1\"}]}").body();
        bodies.add(q);
        bodies.add(http.post("/iserver/reply/" + q.replaceAll(".*\"id\":\"([^\"]+)\".*", "$1"), "{\"confirmed\":true}").body());
        bodies.add(http.post("/iserver/account/DU1234567/orders",
            "{\"orders\":[{\"conid\":756733,\"orderType\":\"MKT\",\"side\":\"BUY\",\"quantity\":3,\"cOID\":\"det-2\"}]}").body());
        sim.clock().advance(Duration.ofMinutes(3));
        bodies.add(http.get("/iserver/account/trades").body());
        bodies.add(http.get("/portfolio/DU1234567/positions/0").body());
        bodies.add(http.get("/portfolio/DU1234567/summary").body());
        bodies.add(http.get("/iserver/marketdata/history?conid=265598&period=10min&bar=1min").body());
        return bodies;
    }

    @Test void theSameSeedGivesByteIdenticalResponsesFromTwoSimulatorsInOneJvm() throws Exception {
        try (GatewaySimulator a = start(42); GatewaySimulator b = start(42)) {
            assertThat(a.port()).isNotEqualTo(b.port());
            var fa = java.util.concurrent.CompletableFuture.supplyAsync(() -> script(a));
            var fb = java.util.concurrent.CompletableFuture.supplyAsync(() -> script(b));
            List<String> ra = fa.get(), rb = fb.get();
            assertThat(ra).containsExactlyElementsOf(rb);
            assertThat(ra.get(1)).contains("\"session\":\"");
            assertThat(ra.get(8)).contains("det-2");
        }
    }

    @Test void anotherSeedGivesOtherIdsAndPrices() throws Exception {
        try (GatewaySimulator a = start(42); GatewaySimulator b = start(43)) {
            List<String> ra = script(a), rb = script(b);
            assertThat(ra.get(1)).isNotEqualTo(rb.get(1));
            assertThat(ra.get(4)).isNotEqualTo(rb.get(4));
        }
    }
}
