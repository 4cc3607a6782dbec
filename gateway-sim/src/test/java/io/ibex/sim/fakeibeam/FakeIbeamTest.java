package io.ibex.sim.fakeibeam;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** The fake IBeam's own contract, with no gateway listening (the simulator scenarios live in the session tests). */
class FakeIbeamTest {
    private static int freePortNobodyListensOn() throws IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }

    private static HttpResponse<String> get(int port, String path) throws Exception {
        try (HttpClient http = HttpClient.newHttpClient()) {
            return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path)).build(),
                HttpResponse.BodyHandlers.ofString());
        }
    }

    @Test
    void theHealthServerServesIbeamsRoutesOnLoopback() throws Exception {
        List<String> out = Collections.synchronizedList(new ArrayList<>());
        Map<String, String> env = Map.of("IBEAM_GATEWAY_BASE_URL", "http://127.0.0.1:" + freePortNobodyListensOn(),
            "IBEAM_HEALTH_SERVER_PORT", "0");
        try (FakeIbeam ibeam = new FakeIbeam(env, out::add)) {
            int port = ibeam.startHealthServer();
            assertThat(out).anySatisfy(l -> assertThat(l).matches("\\d{4}-\\d\\d-\\d\\d \\d\\d:\\d\\d:\\d\\d,\\d{3}\\|I\\| Health server started at port=" + port));
            assertThat(get(port, "/livez").body()).isEqualTo("OK");
            HttpResponse<String> ready = get(port, "/readyz");
            assertThat(ready.statusCode()).isEqualTo(503);
            assertThat(ready.body()).isEqualTo("Not Ready");
            assertThat(ready.headers().firstValue("Content-Type")).contains("text/html");
            assertThat(get(port, "/nope").statusCode()).isEqualTo(404);
        }
    }

    @Test
    void aSeparateJvmWithNoGatewayLogsItAndExitsZero() throws Exception {
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        ProcessBuilder pb = new ProcessBuilder(List.of(java.toString(), "-cp", System.getProperty("java.class.path"),
            FakeIbeam.class.getName(), "--authenticate")).redirectErrorStream(true);
        pb.environment().put("IBEAM_GATEWAY_BASE_URL", "http://127.0.0.1:" + freePortNobodyListensOn());
        pb.environment().put("IBEAM_HEALTH_SERVER_PORT", "0");
        pb.environment().put("IBEAM_PASSWORD", "canary-never-printed");
        Process p = pb.start();
        String output = new String(p.getInputStream().readAllBytes());
        assertThat(p.waitFor(30, TimeUnit.SECONDS)).isTrue();
        assertThat(p.exitValue()).isZero();
        assertThat(output).contains("Cannot communicate with the Gateway. Consider increasing IBEAM_GATEWAY_STARTUP")
            .contains("Gateway not authenticated.").doesNotContain("canary-never-printed");
    }

    @Test
    void settingsDefaultToIbeamsValues() {
        FakeIbeamSettings s = FakeIbeamSettings.from(Map.of());
        assertThat(s.oauthTimeout()).hasSeconds(15);
        assertThat(s.maxFailedAuth()).isEqualTo(5);
        assertThat(s.healthPort()).isEqualTo(5001);
        assertThat(s.bind()).isEqualTo("127.0.0.1");
        assertThat(s.twoFaTarget()).isEqualTo("IB Key");
    }
}
