package io.ibex.sim;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import javax.net.ssl.SSLSocket;
import org.junit.jupiter.api.Test;

/** Raw-wire checks (§4 cross-cutting): 411 on an unframed POST, 404, 405, User-Agent, keep-alive. */
class StrictHttpTest {
    private static String exchange(GatewaySimulator sim, String request) throws IOException {
        try (SSLSocket s = (SSLSocket) SimHttp.pinned(sim).getSocketFactory().createSocket("127.0.0.1", sim.port())) {
            s.setSoTimeout(5000);
            s.getOutputStream().write(request.getBytes(StandardCharsets.US_ASCII));
            s.getOutputStream().flush();
            return new String(s.getInputStream().readAllBytes(), StandardCharsets.ISO_8859_1);
        }
    }

    private static GatewaySimulator sim(boolean strict) {
        return GatewaySimulator.builder().clock(SimClock.manual(Fixtures.MONDAY_10AM_NY)).initialSession(SessionState.AUTHENTICATED)
            .strict(strict).pacing(PacingMode.OFF).start();
    }

    @Test void aPostWithoutContentLengthGets411WithAnEmptyBodyAndConnectionClose() throws IOException {
        try (GatewaySimulator sim = sim(true)) {
            String r = exchange(sim, "POST /v1/api/tickle HTTP/1.1\r\nHost: localhost\r\nUser-Agent: t\r\n\r\n");
            assertThat(r).startsWith("HTTP/1.1 411 ");
            assertThat(r).contains("Content-Length: 0\r\n").contains("Connection: close\r\n").endsWith("\r\n\r\n");
            assertThat(sim.journal().countStatus(411)).isEqualTo(1);
        }
    }

    @Test void theSamePostIsServedOutsideStrictModeAndWithContentLength() throws IOException {
        try (GatewaySimulator sim = sim(false)) {
            assertThat(exchange(sim, "POST /v1/api/tickle HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n")).startsWith("HTTP/1.1 200 ");
        }
        try (GatewaySimulator sim = sim(true)) {
            assertThat(exchange(sim, "POST /v1/api/tickle HTTP/1.1\r\nHost: localhost\r\nContent-Length: 0\r\nConnection: close\r\n\r\n"))
                .startsWith("HTTP/1.1 200 ");
            assertThat(exchange(sim, "POST /v1/api/tickle HTTP/1.1\r\nHost: localhost\r\nTransfer-Encoding: chunked\r\nConnection: close\r\n\r\n2\r\n{}\r\n0\r\n\r\n"))
                .startsWith("HTTP/1.1 200 ");
            assertThat(sim.warnings()).anyMatch(w -> w.contains("without User-Agent"));
        }
    }

    @Test void unknownPathsAre404AndWrongMethods405() {
        try (GatewaySimulator sim = sim(true)) {
            SimHttp http = new SimHttp(sim);
            SimHttp.Reply nf = http.get("/iserver/nothing/here");
            assertThat(nf.status()).isEqualTo(404);
            assertThat(nf.body()).isEqualTo("{\"error\":\"Not Found\",\"statusCode\":404}");
            assertThat(http.get("/tickle").status()).isEqualTo(405);
            assertThat(nf.raw().headers().firstValue("Content-Type")).contains("application/json;charset=utf-8");
        }
    }

    @Test void requireUserAgentTurnsTheWarningInto403() throws IOException {
        try (GatewaySimulator sim = GatewaySimulator.builder().clock(SimClock.manual(Fixtures.MONDAY_10AM_NY))
            .initialSession(SessionState.AUTHENTICATED).requireUserAgent(true).start()) {
            assertThat(exchange(sim, "POST /v1/api/tickle HTTP/1.1\r\nHost: localhost\r\nContent-Length: 2\r\nConnection: close\r\n\r\n{}"))
                .startsWith("HTTP/1.1 403 ");
        }
    }

    @Test void keepAliveServesSeveralRequestsOnOneConnection() throws IOException {
        try (GatewaySimulator sim = sim(true)) {
            String one = "POST /v1/api/tickle HTTP/1.1\r\nHost: localhost\r\nContent-Length: 2\r\n\r\n{}";
            String r = exchange(sim, one + one + "GET /v1/api/iserver/auth/status HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n");
            assertThat(r.split("HTTP/1.1 200 ", -1)).hasSize(4);
        }
    }
}
