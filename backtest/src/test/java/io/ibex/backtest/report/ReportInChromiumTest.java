package io.ibex.backtest.report;

import io.ibex.backtest.BacktestConfig;
import io.ibex.backtest.BacktestEngine;
import io.ibex.backtest.BacktestResult;
import io.ibex.backtest.metrics.PerformanceMetrics;
import io.ibex.data.BarSources;
import io.ibex.strategies.SmaCross;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * report.html opened in real headless Chromium with every host name unresolvable: the page must parse into the three
 * charts with their lines and trade markers, and render to a screenshot, with no network at all. `./ibex test` installs
 * Chromium when it is missing.
 */
class ReportInChromiumTest {
    @TempDir Path tmp;

    private static List<String> chromium(String... args) {
        List<String> cmd = new ArrayList<>(List.of("chromium", "--headless", "--no-sandbox", "--disable-gpu",
            "--disable-dev-shm-usage", "--hide-scrollbars", "--host-resolver-rules=MAP * ~NOTFOUND"));
        cmd.addAll(List.of(args));
        return cmd;
    }

    private static String run(List<String> cmd, Path dir) throws IOException, InterruptedException {
        Path out = dir.resolve("chromium.out");
        Process p = new ProcessBuilder(cmd).redirectOutput(out.toFile()).redirectError(dir.resolve("chromium.err").toFile()).start();
        if (!p.waitFor(120, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new AssertionError("chromium did not finish within 120 s: " + cmd);
        }
        assertThat(p.exitValue()).as("chromium exit code; stderr in %s", dir.resolve("chromium.err")).isZero();
        return Files.readString(out, StandardCharsets.UTF_8);
    }

    @Test
    void theReportRendersOfflineInChromiumWithItsChartsAndMarkers() throws Exception {
        BacktestResult r = new BacktestEngine(BacktestConfig.defaults()).run(BarSources.load("sample:aapl-2013", null), new SmaCross(10, 30));
        RunInfo info = new RunInfo("sma-cross", "1", Map.of("fast", "10", "slow", "30"), "sample:aapl-2013", Map.of());
        ReportWriter.write(tmp, info, r, PerformanceMetrics.of(r));
        String url = tmp.resolve("report.html").toUri().toString();

        String dom = run(chromium("--dump-dom", url), tmp);
        assertThat(dom.split("<svg", -1)).hasSize(4);
        assertThat(dom.split("<polyline", -1)).hasSize(4);
        int openMarkers = r.openPositions().isEmpty() ? 0 : 1;
        assertThat(dom.split("<circle", -1)).hasSize(2 * r.trades().size() + openMarkers + 1);
        assertThat(dom).contains("Final equity").contains("sample:aapl-2013")
            .contains("Sharpe 95% analytic interval").contains("Deflated Sharpe").contains("Exposure")
            .contains("intrabar path pessimistic");
        String tradeTable = dom.substring(dom.indexOf("<table class=\"trades\">"));
        tradeTable = tradeTable.substring(0, tradeTable.indexOf("</table>"));
        assertThat(tradeTable.split("<tr>", -1)).as("a header row and one row per trade").hasSize(r.trades().size() + 2);

        Path png = tmp.resolve("report.png");
        run(chromium("--screenshot=" + png, "--window-size=1000,1400", url), tmp);
        byte[] bytes = Files.readAllBytes(png);
        assertThat(bytes).startsWith(0x89, 'P', 'N', 'G');
        assertThat(bytes.length).as("a page with charts, not a blank one").isGreaterThan(30_000);
    }
}
