package io.ibex.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** The one file-mode rule (docs/reliability.md): logs are private, research results are shared. */
class FileModesCliTest {
    @TempDir Path tmp;

    private static String mode(Path p) throws Exception { return PosixFilePermissions.toString(Files.getPosixFilePermissions(p)); }

    @Test
    void lastErrorLogIsPrivateBecauseAStackTraceMayHoldAccountData() throws Exception {
        Path logs = tmp.resolve("logs");
        System.setProperty("ibex.logs", logs.toString());
        try {
            CommandLine cmd = new CommandLine(new IbexCommand());
            CliErrors.onExecutionException(new IllegalStateException("order for U1234567 failed"), cmd, null);
        } finally {
            System.clearProperty("ibex.logs");
        }
        assertThat(mode(logs.resolve("last-error.log"))).isEqualTo("rw-------");
        assertThat(mode(logs)).isEqualTo("rwx------");
    }

    @Test
    void backtestResultsAreSharedReadable() throws Exception {
        Path out = tmp.resolve("run");
        Cli run = Cli.run("backtest", "--data", "sample:aapl-2013", "--strategy", "sma-cross", "--out", out.toString());
        assertThat(run.exitCode()).as(run.err()).isZero();
        for (String f : new String[] {"summary.json", "trades.csv", "orders.csv", "report.html"})
            assertThat(mode(out.resolve(f))).as(f).isEqualTo("rw-r--r--");
    }
}
