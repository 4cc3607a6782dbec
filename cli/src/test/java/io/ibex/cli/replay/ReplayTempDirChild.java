package io.ibex.cli.replay;

import io.ibex.live.journal.JournalLock;
import java.nio.file.Path;

/** For {@link ReplayTempDirsTest}: makes a replay directory and holds its journal lock, as a running replay does, until killed. */
public final class ReplayTempDirChild {
    private ReplayTempDirChild() {}

    public static void main(String[] args) throws Exception {
        Path dir = ReplayTempDirs.create(Path.of(args[0]));
        try (JournalLock lock = JournalLock.acquire(dir.resolve("journal"))) {
            System.out.println(dir);
            System.out.flush();
            System.in.read();                                // until the test kills this process or closes stdin
        }
    }
}
