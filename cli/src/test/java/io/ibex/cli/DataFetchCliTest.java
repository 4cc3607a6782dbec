package io.ibex.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code ibex data fetch} is wired under {@code ibex data} and keeps the CLI's error contract. */
class DataFetchCliTest {
    @TempDir Path dir;

    @Test
    void fetchIsListedUnderData() {
        Cli r = Cli.run("data", "--help");
        assertThat(r.exitCode()).isZero();
        assertThat(r.out()).contains("fetch").contains("import");
    }

    @Test
    void theSimulatedGatewayServesTheShippedAaplSampleIntoTheStore() {
        Cli r = Cli.run("data", "fetch", "AAPL", "--gateway", "sim", "--db", dir.resolve("bars").toString());
        assertThat(r.exitCode()).as(r.err()).isZero();
        assertThat(r.out()).contains("fetched 252 bars of AAPL@1d (2013-01-02 00:00 .. 2013-12-31 00:00, 1 request)");
        Cli list = Cli.run("data", "list", "--db", dir.resolve("bars").toString());
        assertThat(list.out()).containsPattern("AAPL\\s+1d\\s+2013-01-02\\s+2013-12-31\\s+252");
    }

    @Test
    void aBarTheGatewayDoesNotServeIsOneLineAndExitCode2() {
        Cli r = Cli.run("data", "fetch", "AAPL", "--bar", "7m", "--gateway", "sim", "--db", dir.resolve("bars").toString());
        assertThat(r.exitCode()).isEqualTo(2);
        assertThat(r.err().strip()).isEqualTo("ibex data fetch: --bar 7m: the gateway serves 1m 2m 3m 5m 10m 15m 30m 1h 2h 3h 4h 8h 1d 1w bars");
    }
}
