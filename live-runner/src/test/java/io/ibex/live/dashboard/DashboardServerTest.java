package io.ibex.live.dashboard;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.ibex.framework.error.ConfigException;
import java.math.BigDecimal;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The dashboard server over real HTTP, and its page in real headless Chromium: token, Host check, SSE updates, HALT. */
class DashboardServerTest {
    @TempDir Path tmp;

    private final HttpClient http = HttpClient.newHttpClient();
    private final AtomicInteger halts = new AtomicInteger();

    static DashboardSnapshot snapshot(Instant t, String session, boolean healthy, BigDecimal equity, BigDecimal position) {
        return new DashboardSnapshot(t, "aapl", "sma-cross", "RUNNING",
            new DashboardSnapshot.Session(session, healthy, healthy ? "tickle healthy" : "no session",
                healthy ? "" : "ibex auth login (approve the IB Key push on your phone)"),
            new DashboardSnapshot.Account("DU****67", "USD", new BigDecimal("98123.40"), equity),
            List.of(new DashboardSnapshot.PositionRow("AAPL", position, new BigDecimal("189.25"), new BigDecimal("190.50"),
                position.multiply(new BigDecimal("1.25")))),
            List.of(new DashboardSnapshot.OrderRow("ibex-k3f9-20261202-4", "AAPL", "SELL", "LMT", BigDecimal.TEN, BigDecimal.ZERO,
                new BigDecimal("195.00"), "WORKING")),
            List.of(new DashboardSnapshot.FillRow(t, "ibex-k3f9-20261202-3", "AAPL", "BUY", BigDecimal.TEN, new BigDecimal("189.25"))),
            new DashboardSnapshot.Risk(healthy ? "open" : "session down", false, List.of(), new BigDecimal("-12.50"), ""),
            List.of(new DashboardSnapshot.AlertRow(t, "critical", "login_needed", "log in: run ibex auth login")));
    }

    /** {@code -Dibex.screenshots=DIR} keeps the screenshots for a person to look at. */
    static void keepScreenshot(Path png) throws java.io.IOException {
        String dir = System.getProperty("ibex.screenshots");
        if (dir != null) Files.copy(png, Files.createDirectories(Path.of(dir)).resolve(png.getFileName()),
            java.nio.file.StandardCopyOption.REPLACE_EXISTING);
    }

    private int get(String url) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(url)).build(), HttpResponse.BodyHandlers.discarding()).statusCode();
    }

    @Test
    void everyRequestNeedsTheTokenAndTheLoopbackHost() throws Exception {
        try (DashboardServer s = DashboardServer.start("127.0.0.1:0", false, halts::incrementAndGet)) {
            String base = "http://127.0.0.1:" + s.port();
            assertThat(s.url().toString()).startsWith(base + "/?token=");
            String token = s.url().getQuery().substring("token=".length());
            assertThat(token).hasSizeGreaterThanOrEqualTo(32);
            assertThat(get(base + "/")).isEqualTo(401);
            assertThat(get(base + "/state")).isEqualTo(401);
            assertThat(get(base + "/events")).isEqualTo(401);
            assertThat(get(base + "/?token=wrong" + token)).isEqualTo(401);
            assertThat(get(s.url().toString())).isEqualTo(200);
            assertThat(http.send(HttpRequest.newBuilder(URI.create(base + "/halt")).POST(HttpRequest.BodyPublishers.ofString(
                "{\"confirm\":\"HALT\"}")).build(), HttpResponse.BodyHandlers.discarding()).statusCode()).isEqualTo(401);
            assertThat(http.send(HttpRequest.newBuilder(URI.create(base + "/halt")).header("X-Ibex-Token", token)
                .POST(HttpRequest.BodyPublishers.ofString("{}")).build(), HttpResponse.BodyHandlers.discarding()).statusCode())
                .as("a halt without the confirmation").isEqualTo(400);
            assertThat(halts).hasValue(0);
            // a page on evil.example that resolved its name to 127.0.0.1 (DNS rebinding) sends its own Host header
            assertThat(http.send(HttpRequest.newBuilder(URI.create(s.url().toString().replace("127.0.0.1", "localhost")))
                .build(), HttpResponse.BodyHandlers.discarding()).statusCode()).isEqualTo(200);
        }
    }

    @Test
    void aNonLoopbackBindIsRefusedUnlessAllowed() {
        assertThatThrownBy(() -> DashboardServer.start("0.0.0.0:0", false, () -> {}))
            .isInstanceOf(ConfigException.class).hasMessageContaining("--ui-allow-remote");
        assertThatThrownBy(() -> DashboardServer.start("port", false, () -> {}))
            .isInstanceOf(ConfigException.class).hasMessage("--ui: 'port' is not [HOST:]PORT");
    }

    @Test
    void thePageRendersTheStateFollowsUpdatesAndHaltsAfterConfirmation() throws Exception {
        Instant t0 = Instant.parse("2026-12-02T15:30:00Z");
        try (DashboardServer s = DashboardServer.start("0", false, halts::incrementAndGet)) {
            s.publish(snapshot(t0, "LOGIN_REQUIRED", false, new BigDecimal("100000.00"), BigDecimal.ZERO));
            try (HeadlessChromium chrome = new HeadlessChromium(Files.createDirectories(tmp.resolve("profile")), s.url().toString())) {
                chrome.waitFor("document.getElementById('session-state').textContent === 'LOGIN_REQUIRED'", Duration.ofSeconds(60));
                assertThat(chrome.text("#fix")).isEqualTo("ibex auth login (approve the IB Key push on your phone)");
                assertThat(chrome.text("#account")).isEqualTo("DU****67");
                assertThat(chrome.text("#risk-gate")).isEqualTo("closed");
                chrome.waitFor("document.getElementById('stream').textContent === 'live'", Duration.ofSeconds(30));

                s.publish(snapshot(t0.plusSeconds(60), "AUTHENTICATED", true, new BigDecimal("100250.00"), BigDecimal.TEN));
                chrome.waitFor("document.getElementById('session-state').textContent === 'AUTHENTICATED'", Duration.ofSeconds(30));
                assertThat(chrome.text("#positions tr[data-symbol=AAPL] td:nth-child(2)")).isEqualTo("10");
                assertThat(chrome.text("#equity")).isEqualTo("100,250.00 USD");
                assertThat(chrome.text("#orders tr[data-coid='ibex-k3f9-20261202-4'] td:last-child")).isEqualTo("WORKING");
                assertThat(chrome.text("#alerts tbody")).contains("login_needed");
                assertThat(chrome.eval("document.querySelectorAll('#curve polyline').length").asInt()).isEqualTo(1);
                chrome.screenshot(tmp.resolve("dashboard.png"));
                assertThat(Files.size(tmp.resolve("dashboard.png"))).isGreaterThan(20_000);
                keepScreenshot(tmp.resolve("dashboard.png"));

                chrome.eval("document.getElementById('halt').click()");
                assertThat(chrome.eval("document.getElementById('halt-go').disabled").asBoolean()).isTrue();
                chrome.eval("var i=document.getElementById('halt-text'); i.value='HALT'; i.dispatchEvent(new Event('input'))");
                chrome.eval("document.getElementById('halt-go').click()");
                chrome.waitFor("document.getElementById('halt-result').textContent.indexOf('kill switch engaged') === 0",
                    Duration.ofSeconds(30));
                assertThat(halts).hasValue(1);
            }
        }
    }
}
