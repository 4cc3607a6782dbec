package io.ibex.live.dashboard;

import static org.assertj.core.api.Assertions.assertThat;

import io.ibex.live.risk.KillSwitch;
import io.ibex.cli.live.LiveCommand;
import io.ibex.sim.Account;
import io.ibex.sim.GatewaySimulator;
import io.ibex.sim.PriceScript;
import io.ibex.sim.SessionState;
import io.ibex.sim.SimClock;
import io.ibex.sim.SimInstrument;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * {@code ibex live --ui 0} against the gateway simulator over pinned HTTPS, its dashboard opened in real headless
 * Chromium: the page shows the instrument and the session state, refuses a request without the token, and its HALT
 * button stops the runner the way {@code ibex live halt} does.
 */
class LiveDashboardTest {
    private static final Pattern DASHBOARD = Pattern.compile("dashboard  (http://127\\.0\\.0\\.1:\\d+/\\?token=[A-Za-z0-9_-]+)");

    @TempDir Path tmp;

    @Test
    void theDashboardOfALiveRunShowsItsStateAndHaltsIt() throws Exception {
        try (GatewaySimulator sim = GatewaySimulator.builder().clock(SimClock.system()).initialSession(SessionState.AUTHENTICATED)
                 .account(Account.paper("DU1234567").cash("USD", 1_000_000))
                 .instrument(SimInstrument.aapl().prices(PriceScript.randomWalk(7, 189.60, 5))).start()) {
            Path pem = sim.writeCertificatePem(tmp.resolve("gw.pem"));
            Path run = tmp.resolve("run");
            StringWriter out = new StringWriter();
            StringWriter err = new StringWriter();
            CommandLine cli = new CommandLine(new LiveCommand()).setOut(new PrintWriter(out, true)).setErr(new PrintWriter(err, true));
            CompletableFuture<Integer> exit = CompletableFuture.supplyAsync(() -> cli.execute("--gateway", sim.rootUrl(),
                "--gateway-cert", pem.toString(), "--strategy", "test-hold", "--symbol", "AAPL", "--bar", "1m",
                "--out", run.toString(), "--ui", "0"));
            String url = null;
            for (long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos(); url == null; Thread.sleep(100)) {
                Matcher m = DASHBOARD.matcher(out.toString());
                if (m.find()) url = m.group(1);
                else if (exit.isDone() || System.nanoTime() > deadline)
                    throw new AssertionError("no dashboard line; out:\n" + out + "\nerr:\n" + err);
            }
            String bare = url.substring(0, url.indexOf('?'));
            assertThat(HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(bare)).build(),
                HttpResponse.BodyHandlers.discarding()).statusCode()).as("no token, no page").isEqualTo(401);

            try (HeadlessChromium chrome = new HeadlessChromium(Files.createDirectories(tmp.resolve("profile")), url)) {
                chrome.waitFor("document.getElementById('session-state').textContent === 'AUTHENTICATED'", Duration.ofSeconds(60));
                chrome.waitFor("document.querySelector('#positions tr[data-symbol=AAPL]') !== null", Duration.ofSeconds(30));
                assertThat(chrome.text("#strategy")).isEqualTo("test-hold");
                assertThat(chrome.text("#account")).isEqualTo("DU****67");
                assertThat(chrome.text("#risk-gate")).isIn("open", "closed");
                assertThat(chrome.eval("document.body.innerText.indexOf('DU1234567') < 0").asBoolean()).as("full account id").isTrue();
                chrome.screenshot(tmp.resolve("live-dashboard.png"));
                DashboardServerTest.keepScreenshot(tmp.resolve("live-dashboard.png"));

                chrome.eval("document.getElementById('halt').click()");
                chrome.eval("var i=document.getElementById('halt-text'); i.value='HALT'; i.dispatchEvent(new Event('input'))");
                chrome.eval("document.getElementById('halt-go').click()");
                chrome.waitFor("document.getElementById('halt-result').textContent.indexOf('kill switch engaged') === 0",
                    Duration.ofSeconds(30));
            }
            assertThat(exit.get(60, java.util.concurrent.TimeUnit.SECONDS)).as("out:\n%s\nerr:\n%s", out, err).isZero();
            assertThat(run.resolve(KillSwitch.FILE_NAME)).exists();
            assertThat(out.toString()).contains("HALTED: kill switch engaged");
            assertThat(err.toString()).contains("ALERT: kill switch engaged");
        }
    }
}
