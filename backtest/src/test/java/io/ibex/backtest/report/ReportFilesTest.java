package io.ibex.backtest.report;

import io.ibex.backtest.BacktestConfig;
import io.ibex.backtest.BacktestEngine;
import io.ibex.backtest.BacktestResult;
import io.ibex.backtest.metrics.Metrics;
import io.ibex.backtest.metrics.PerformanceMetrics;
import io.ibex.framework.domain.Bars;
import io.ibex.framework.domain.Instrument;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class ReportFilesTest {
    @TempDir Path tmp;

    private static BacktestResult tinyRun() {
        Bars bars = Bars.builder(Instrument.of("X"), "x.csv").add(0, 10, 11, 9, 10, 1).add(86_400_000, 10, 12, 10, 11, 1).build();
        return new BacktestEngine(BacktestConfig.defaults()).run(bars, (w, c) -> { });
    }

    @Test
    void userTextIsEscapedInJsonAndHtml() {
        BacktestResult r = tinyRun();
        Metrics m = PerformanceMetrics.of(r);
        RunInfo info = new RunInfo("evil\"<script>", "1", Map.of("k", "a\\b"), "C:\\data\n\"x\".csv", Map.of());
        String json = SummaryJson.render(info, r, m);
        assertThat(json).contains("\"strategy\": \"evil\\\"<script>\"").contains("\"data\": \"C:\\\\data\\n\\\"x\\\".csv\"")
            .contains("\"k\": \"a\\\\b\"");
        String html = HtmlReport.render(info, r, m);
        assertThat(html).doesNotContain("evil\"<script>").contains("evil&quot;&lt;script&gt;");
        assertThat(html.split("<script>", -1)).as("only the report's own hover script").hasSize(2);
    }

    @Test
    void undefinedStatisticsAreWrittenAsJsonNull() {
        BacktestResult r = tinyRun();
        String json = SummaryJson.render(new RunInfo("s", "1", Map.of(), "d", Map.of()), r, PerformanceMetrics.of(r));
        assertThat(json).contains("\"win_rate\": null").contains("\"profit_factor\": null").doesNotContain("NaN");
    }

    @Test
    void rewritingADirectoryReplacesEveryFileAndLeavesNoTemporaries() throws IOException {
        BacktestResult r = tinyRun();
        RunInfo info = new RunInfo("s", "1", Map.of(), "d", Map.of());
        Files.writeString(tmp.resolve("trades.csv"), "stale");
        ReportWriter.write(tmp, info, r, PerformanceMetrics.of(r));
        try (var files = Files.list(tmp)) {
            assertThat(files.map(p -> p.getFileName().toString())).containsExactlyInAnyOrderElementsOf(ReportWriter.FILES);
        }
        assertThat(Files.readString(tmp.resolve("trades.csv"))).isEqualTo(CsvFiles.TRADES_HEADER + "\n");
        assertThat(Files.readAllLines(tmp.resolve("equity.csv"))).containsExactly("time,equity,drawdown",
            "1970-01-01T00:00:00Z,100000.0,0.0", "1970-01-02T00:00:00Z,100000.0,0.0");
    }
}
