package io.ibex.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/** Mistakes in where to write or how to walk forward are found before any data is read or any run starts. */
class CheckFirstCliTest {
    @TempDir Path tmp;

    @Test void backtestOutNamingAFileIsRefusedBeforeTheDataIsRead() throws IOException {
        Path file = Files.writeString(tmp.resolve("taken"), "mine");
        Cli r = Cli.run("backtest", "--data", tmp.resolve("missing.csv").toString(), "--strategy", "sma-cross", "--out", file.toString());
        assertThat(r.exitCode()).isEqualTo(2);
        assertThat(r.err().strip()).isEqualTo("ibex backtest: --out " + file + ": a file of that name exists; give a directory");
        assertThat(Files.readString(file)).isEqualTo("mine");
    }

    @Test void sweepOutInAnUnwritablePlaceGivesTheReasonBeforeTheSweepAndLeavesNoDirectory() {
        Path out = Path.of("/proc/ibexout-" + ProcessHandle.current().pid());
        Cli r = Cli.run("sweep", "--data", "sample:aapl-2013", "--strategy", "sma-cross", "--grid", "fast=5,10", "--out", out.toString());
        assertThat(r.exitCode()).isEqualTo(2);
        assertThat(r.err().strip().lines()).singleElement().asString()
            .startsWith("ibex sweep: --out " + out + ": cannot write there: ")
            .doesNotEndWith(": " + out); // the reason, not the path again
        assertThat(r.err()).doesNotContain("run(s) on");
        assertThat(out).doesNotExist();
    }

    @Test void aMissingOutDirectoryIsCreatedOnlyByARunThatWorks() {
        Path out = tmp.resolve("a/b/c");
        Cli bad = Cli.run("backtest", "--data", tmp.resolve("missing.csv").toString(), "--strategy", "sma-cross", "--out", out.toString());
        assertThat(bad.exitCode()).isEqualTo(2);
        assertThat(tmp.resolve("a")).doesNotExist();
        Cli good = Cli.run("backtest", "--data", "sample:aapl-2013", "--strategy", "sma-cross", "--out", out.toString());
        assertThat(good.exitCode()).as(good.err()).isZero();
        assertThat(out.resolve("report.html")).exists();
    }

    @Test void aWalkForwardLongerThanTheDataIsRefusedBeforeTheSweepRuns() {
        Cli r = Cli.run("sweep", "--data", "sample:aapl-2013", "--strategy", "sma-cross", "--grid", "fast=5,10",
            "--walk-forward", "train=252,test=63", "--out", tmp.resolve("wf").toString());
        assertThat(r.exitCode()).isEqualTo(2);
        assertThat(r.err().strip()).isEqualTo("ibex sweep: --walk-forward train=252,test=63 needs at least 315 bars; sample:aapl-2013 has 252");
        assertThat(tmp.resolve("wf")).doesNotExist();
    }
}
