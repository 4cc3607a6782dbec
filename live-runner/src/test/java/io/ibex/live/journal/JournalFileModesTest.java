package io.ibex.live.journal;

import static org.assertj.core.api.Assertions.assertThat;

import io.ibex.live.runner.LiveReports;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.InstantSource;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A live run's files hold account data: journal, its lock, orders.csv and trades.csv are 0600 in a 0700 run directory. */
class JournalFileModesTest {
    @TempDir Path tmp;

    private static String mode(Path p) throws Exception { return PosixFilePermissions.toString(Files.getPosixFilePermissions(p)); }

    @Test
    void theJournalAndTheRunReportsArePrivate() throws Exception {
        Path run = tmp.resolve("live/sma");
        try (OrderJournal j = OrderJournal.open(run.resolve("journal"), "ibex", InstantSource.system())) {
            assertThat(mode(run.resolve("journal.mv.db"))).isEqualTo("rw-------");
            assertThat(mode(JournalLock.lockFileOf(run.resolve("journal")))).isEqualTo("rw-------");
        }
        assertThat(mode(run)).isEqualTo("rwx------");
        LiveReports.write(run, List.of(), List.of());
        assertThat(mode(run.resolve("orders.csv"))).isEqualTo("rw-------");
        assertThat(mode(run.resolve("trades.csv"))).isEqualTo("rw-------");
    }
}
