package io.ibex.cli.replay;

import static org.assertj.core.api.Assertions.assertThat;

import io.ibex.live.journal.JournalLock;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A killed replay's temp directory is removed by the next replay; a running one's is left alone. */
class ReplayTempDirsTest {
    @TempDir Path tmp;

    private Process child() throws Exception {
        return new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-cp",
            System.getProperty("java.class.path"), ReplayTempDirChild.class.getName(), tmp.toString()).start();
    }

    private static Path dirOf(Process p) throws Exception {
        return Path.of(new BufferedReader(new InputStreamReader(p.getInputStream())).readLine());
    }

    @Test
    void theNextReplayRemovesTheDirectoryOfAKilledOneButNotOfARunningOne() throws Exception {
        Process killed = child();
        Path killedDir = dirOf(killed);
        Process running = child();
        Path runningDir = dirOf(running);
        try {
            killed.destroyForcibly();                        // SIGKILL: no finally block, no shutdown hook runs
            assertThat(killed.waitFor(30, TimeUnit.SECONDS)).isTrue();
            assertThat(killedDir).isDirectory();

            Path mine = ReplayTempDirs.create(tmp);

            assertThat(killedDir).doesNotExist();
            assertThat(runningDir).isDirectory();
            assertThat(mine).isDirectory();
            assertThat(mine.getFileName().toString()).startsWith("ibex-replay-" + ProcessHandle.current().pid() + "-");
            ReplayTempDirs.delete(mine);
            assertThat(mine).doesNotExist();
        } finally {
            running.destroyForcibly();
            running.waitFor(30, TimeUnit.SECONDS);
        }
    }

    @Test
    void anOldStyleDirectoryGoesOnlyWhenNobodyHoldsItsJournalLock() throws Exception {
        Path abandoned = Files.createDirectory(tmp.resolve("ibex-replay1234567"));
        Files.writeString(abandoned.resolve("journal.mv.db"), "x");
        Path held = Files.createDirectory(tmp.resolve("ibex-replay7654321"));
        Path unrelated = Files.createDirectory(tmp.resolve("ibex-other"));
        try (JournalLock lock = JournalLock.acquire(held.resolve("journal"))) {
            assertThat(ReplayTempDirs.cleanStale(tmp)).isEqualTo(1);
        }
        assertThat(abandoned).doesNotExist();
        assertThat(held).isDirectory();
        assertThat(unrelated).isDirectory();
    }
}
