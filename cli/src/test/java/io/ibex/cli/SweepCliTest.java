package io.ibex.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

class SweepCliTest {
    @TempDir Path tmp;

    @Test void aSweepWritesItsFilesAndTheSameCsvWhateverTheWorkerCount() throws IOException {
        Path one = tmp.resolve("one"), two = tmp.resolve("two");
        Cli a = Cli.run("sweep", "--data", "sample:aapl-2013", "--strategy", "sma-cross", "--grid", "fast=5:15:5",
            "--grid", "slow=10,20,30", "--workers", "1", "--out", one.toString(), "--walk-forward", "train=120,test=60");
        Cli b = Cli.run("sweep", "--data", "sample:aapl-2013", "--strategy", "sma-cross", "--grid", "fast=5:15:5",
            "--grid", "slow=10,20,30", "--workers", "2", "--out", two.toString());
        assertThat(a.exitCode()).as(a.err()).isZero();
        assertThat(b.exitCode()).as(b.err()).isZero();
        assertThat(a.out()).contains("7 parameter sets run, 2 skipped", "PBO (CSCV, S=16", "deflated Sharpe", "walk-forward: 2 windows");
        assertThat(Files.readString(one.resolve("sweep.csv"))).isEqualTo(Files.readString(two.resolve("sweep.csv")))
            .startsWith("fast,slow,trades,total_return,cagr,sharpe,sortino,max_drawdown,win_rate,profit_factor,final_equity,commission\n5,10,");
        assertThat(Files.readString(one.resolve("overfitting.json"))).contains("\"pbo\": 0.", "\"deflated_sharpe\": ");
        String html = Files.readString(one.resolve("sweep.html"));
        assertThat(html).contains("id=\"heatmap\"", "id=\"rows\"", "id=\"walk-forward\"", "sortBy(").doesNotContain("http");
        assertThat(Files.readString(one.resolve("walk-forward.csv")).lines()).hasSize(3);
        assertThat(Files.readString(one.resolve("walk-forward-equity.csv")).lines()).hasSize(1 + 1 + 2 * 60);
    }

    @Test void severalSourcesGetOneSweepEachInTheirOwnDirectory() {
        Cli r = Cli.run("sweep", "--data", "sample:aapl-2013", "sample:eth-5m-2023", "--strategy", "sma-cross",
            "--grid", "fast=5,10", "--grid", "slow=30", "--out", tmp.toString());
        assertThat(r.exitCode()).as(r.err()).isZero();
        assertThat(r.out()).contains("on sample:aapl-2013 (252 bars)", "on sample:eth-5m-2023 (580 bars)");
        assertThat(tmp.resolve("sample-aapl-2013/sweep.csv")).isRegularFile();
        assertThat(tmp.resolve("sample-eth-5m-2023/sweep.csv")).isRegularFile();
    }

    @Test void badGridSyntaxIsOneLineWithExitCodeTwoAndNoFiles() {
        Path out = tmp.resolve("bad");
        Cli r = Cli.run("sweep", "--data", "sample:aapl-2013", "--strategy", "sma-cross", "--grid", "fast=5:x:5", "--out", out.toString());
        assertThat(r.exitCode()).isEqualTo(2);
        assertThat(r.err().strip()).isEqualTo("ibex sweep: --grid 'fast=5:x:5': 'x' is not a number");
        assertThat(out).doesNotExist();
    }

    @Test void aGridKeyTheStrategyDoesNotHaveIsRefusedBeforeAnyRun() {
        Cli r = Cli.run("sweep", "--data", "sample:aapl-2013", "--strategy", "sma-cross", "--grid", "fats=5,10");
        assertThat(r.exitCode()).isEqualTo(2);
        assertThat(r.err().strip()).isEqualTo("ibex sweep: --grid fats: strategy sma-cross has no parameter 'fats'; known: fast, slow");
    }

    @Test void theSparkEngineWithoutItsJarsSaysHowToGetThem() {
        Cli r = Cli.run("sweep", "--data", "sample:aapl-2013", "--strategy", "sma-cross", "--grid", "fast=5", "--engine", "spark");
        assertThat(r.exitCode()).isEqualTo(2);
        assertThat(r.err()).contains("the spark engine is not on the class path", "run with the spark job JAR")
            .hasLineCount(1);
    }

    @Test void aGridWhoseEverySetIsRefusedFailsWithTheReason() {
        Cli r = Cli.run("sweep", "--data", "sample:aapl-2013", "--strategy", "sma-cross", "--grid", "fast=40", "--grid", "slow=20");
        assertThat(r.exitCode()).isEqualTo(2);
        assertThat(r.out()).contains("0 parameter sets run, 1 skipped");
        String lastLine = r.err().strip().lines().reduce((first, second) -> second).orElse("");
        assertThat(lastLine).startsWith("ibex sweep: no parameter set of the grid could run on sample:aapl-2013")
            .contains("fast (40) must be smaller than slow (20)");
    }
}
