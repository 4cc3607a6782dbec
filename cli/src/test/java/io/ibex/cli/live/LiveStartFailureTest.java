package io.ibex.cli.live;

import io.ibex.framework.domain.Instrument;
import io.ibex.framework.domain.Side;
import io.ibex.live.journal.IntentDraft;
import io.ibex.live.journal.OrderJournal;
import io.ibex.sim.GatewaySimulator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.InstantSource;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/** Issue 16: an {@code ibex live} that fails to start leaves no journal, lock or run directory it created behind. */
class LiveStartFailureTest {
    @TempDir Path dir;

    int live(String gateway, Path cert, Path out) {
        StringWriter sink = new StringWriter();
        return new CommandLine(new LiveCommand()).setOut(new PrintWriter(sink)).setErr(new PrintWriter(sink))
            .execute("--gateway", gateway, "--gateway-cert", cert.toString(), "--strategy", "torture-flip", "--symbol", "AAPL",
                "--out", out.toString());
    }

    /** A gateway URL nothing listens on any more, and the certificate it had. */
    Path deadGateway(String[] url) {
        try (GatewaySimulator sim = GatewaySimulator.builder().start()) {
            url[0] = sim.rootUrl();
            return sim.writeCertificatePem(dir.resolve("gateway.pem"));
        }
    }

    @Test
    void aMissingCertificateIsRefusedBeforeTheJournalExists() {
        Path run = dir.resolve("run");
        assertThat(live("https://127.0.0.1:5000", dir.resolve("missing.pem"), run)).isNotZero();
        assertThat(run).doesNotExist();
    }

    @Test
    void aGatewayThatCannotBeReachedLeavesNoJournalLockOrRunDirectoryBehind() {
        String[] url = new String[1];
        Path cert = deadGateway(url);
        Path run = dir.resolve("runs/a");
        assertThat(live(url[0], cert, run)).isNotZero();
        assertThat(dir.resolve("runs")).doesNotExist();
    }

    @Test
    void aJournalThatExistedBeforeIsKeptWithItsIntents() throws Exception {
        Path run = dir.resolve("run");
        try (OrderJournal j = OrderJournal.open(run.resolve("journal"), "ibex", InstantSource.system())) {
            j.recordIntent(IntentDraft.market("t", "1", "built-in", Instrument.of("AAPL"), Side.BUY, BigDecimal.ONE));
        }
        String[] url = new String[1];
        Path cert = deadGateway(url);
        assertThat(live(url[0], cert, run)).isNotZero();
        try (Stream<Path> files = Files.list(run)) {
            assertThat(files.map(p -> p.getFileName().toString())).contains("journal.mv.db");
        }
        try (OrderJournal j = OrderJournal.open(run.resolve("journal"), "ibex", InstantSource.system())) {
            assertThat(j.intents()).hasSize(1);
        }
    }
}
