package io.ibex.sim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import javax.net.ssl.SSLSocket;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The §5.1 fault API: status, transport faults, latency, hang, applyFirst, nth, raw bytes. */
class FaultInjectionTest {
    private final GatewaySimulator sim = Fixtures.stepped(100.00).defaultQuestions(false).start();
    private final SimHttp http = new SimHttp(sim);

    @AfterEach void close() { sim.close(); }

    @Test void aRespondRuleReplacesHandlingForItsTimesThenStops() {
        FaultRule rule = sim.faults().on(Route.get("/portfolio/**")).times(1).respond(503, "", "Retry-After: 1");
        SimHttp.Reply faulted = http.get("/portfolio/accounts");
        assertThat(faulted.status()).isEqualTo(503);
        assertThat(faulted.body()).isEmpty();
        assertThat(faulted.raw().headers().firstValue("Retry-After")).contains("1");
        assertThat(http.get("/portfolio/accounts").status()).isEqualTo(200);
        assertThat(rule.fired()).isEqualTo(1);
        assertThat(sim.journal().last(Route.get("/portfolio/accounts")).faultApplied()).isNull();
        assertThat(sim.journal().entries().get(0).faultApplied()).contains("RESPOND");
    }

    @Test void status429AndNoBridgeHaveTheirBodies() {
        sim.faults().on(Route.any("/**")).times(1).status429();
        SimHttp.Reply r = http.post("/tickle", "{}");
        assertThat(r.status()).isEqualTo(429);
        assertThat(r.body()).isEqualTo("{\"error\":\"Too many requests\"}");
        sim.faults().on(Route.any("/iserver/**")).times(1).noBridge();
        SimHttp.Reply nb = http.get("/iserver/accounts");
        assertThat(nb.status()).isEqualTo(400);
        assertThat(nb.body()).isEqualTo("{\"error\":\"Bad Request: no bridge\",\"statusCode\":400}");
        assertThat(http.get("/iserver/accounts").status()).isEqualTo(200);
    }

    @Test void theJdkClientQuietlyRetriesAGetOnceWhenTheConnectionDrops() {
        sim.faults().on(Route.get("/portfolio/accounts")).times(1).dropConnection();
        assertThat(http.get("/portfolio/accounts").status()).isEqualTo(200);
        assertThat(sim.journal().matching(Route.get("/portfolio/accounts"))).extracting(JournalEntry::status).containsExactly(0, 200);
    }

    @Test void droppedAndResetConnectionsAreIoErrorsForTheClient() {
        sim.faults().on(Route.post("/tickle")).times(1).dropConnection();
        assertThatThrownBy(() -> http.post("/tickle", "{}")).isInstanceOf(UncheckedIOException.class);
        sim.faults().on(Route.get("/portfolio/accounts")).times(2).resetConnection();
        assertThatThrownBy(() -> http.get("/portfolio/accounts")).isInstanceOf(UncheckedIOException.class);
        assertThat(http.get("/portfolio/accounts").status()).isEqualTo(200);
        assertThat(sim.journal().count(Route.get("/portfolio/accounts"))).isGreaterThanOrEqualTo(3);
    }

    @Test void applyFirstRunsTheHandlerThenSpoilsTheResponse() {
        http.get("/iserver/accounts");
        sim.faults().on(Route.post("/iserver/account/*/orders")).times(1).applyFirst().respond(503, "");
        assertThat(http.post("/iserver/account/DU1234567/orders", "{\"orders\":[" + Fixtures.order("BUY", "MKT", 1, null, "af") + "]}").status())
            .isEqualTo(503);
        assertThat(sim.orders().withCoid("af")).hasSize(1);
        sim.faults().on(Route.post("/iserver/account/*/orders")).times(1).resetConnection();
        assertThatThrownBy(() -> http.post("/iserver/account/DU1234567/orders", "{\"orders\":[" + Fixtures.order("BUY", "MKT", 1, null, "rs") + "]}"))
            .isInstanceOf(UncheckedIOException.class);
        assertThat(sim.orders().withCoid("rs")).as("without applyFirst the fault replaces handling").isEmpty();
    }

    @Test void nthFiresOnlyOnThatCall() {
        sim.faults().on(Route.post("/tickle")).nth(2).respond(500, "{\"error\":\"System error\"}");
        assertThat(http.post("/tickle", "{}").status()).isEqualTo(200);
        assertThat(http.post("/tickle", "{}").status()).isEqualTo(500);
        assertThat(http.post("/tickle", "{}").status()).isEqualTo(200);
    }

    @Test void duringLimitsARuleToASimClockWindow() {
        java.time.Instant now = sim.clock().instant();
        sim.faults().on(Route.post("/tickle")).during(now.plusSeconds(10), now.plusSeconds(20)).respond(502, "");
        assertThat(http.post("/tickle", "{}").status()).isEqualTo(200);
        sim.clock().advance(Duration.ofSeconds(15));
        assertThat(http.post("/tickle", "{}").status()).isEqualTo(502);
        sim.clock().advance(Duration.ofSeconds(10));
        assertThat(http.post("/tickle", "{}").status()).isEqualTo(200);
    }

    @Test void rawBytesAreServedAsA200Body() {
        sim.faults().on(Route.get("/portfolio/accounts")).times(1).raw("[{\"id\":\"DU12".getBytes(StandardCharsets.UTF_8));
        SimHttp.Reply r = http.get("/portfolio/accounts");
        assertThat(r.status()).isEqualTo(200);
        assertThat(r.body()).isEqualTo("[{\"id\":\"DU12");
    }

    @Test void latencyDelaysTheAnswerInWallTimeOnly() {
        java.time.Instant before = sim.clock().instant();
        sim.faults().on(Route.any("/tickle")).times(1).latency(Duration.ofMillis(150));
        assertThat(http.post("/tickle", "{}").status()).isEqualTo(200);
        assertThat(sim.journal().last(Route.post("/tickle")).elapsedMillis()).isGreaterThanOrEqualTo(150);
        assertThat(sim.clock().instant()).isEqualTo(before);
    }

    @Test void aHungRequestTimesOutTheClientAndIsFreedByClose() throws Exception {
        sim.faults().on(Route.get("/iserver/accounts")).hang();
        HttpRequest req = HttpRequest.newBuilder(URI.create(sim.baseUrl() + "/iserver/accounts")).timeout(Duration.ofMillis(300)).GET().build();
        assertThatThrownBy(() -> http.client.send(req, java.net.http.HttpResponse.BodyHandlers.ofString())).isInstanceOf(HttpTimeoutException.class);

        SSLSocket s = (SSLSocket) SimHttp.pinned(sim).getSocketFactory().createSocket("127.0.0.1", sim.port());
        s.setSoTimeout(1000); // close() must free the hung request within 1 s
        s.getOutputStream().write("GET /v1/api/iserver/accounts HTTP/1.1\r\nHost: localhost\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
        s.getOutputStream().flush();
        sim.close();
        InputStream in = s.getInputStream();
        int b;
        try {
            b = in.read();
        } catch (java.net.SocketException e) {
            b = -1; // reset on close: also freed
        }
        assertThat(b).isEqualTo(-1);
        s.close();
    }

    @Test void faultsNeverTouchTheAdminApi() {
        sim.faults().on(Route.any("/**")).status429();
        assertThat(http.getRoot("/__sim/state").status()).isEqualTo(200);
        sim.faults().clear();
        assertThat(http.post("/tickle", "{}").status()).isEqualTo(200);
    }
}
