package io.ibex.live.journal;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * What opening a journal creates on disk (H2's {@code .mv.db} and {@code .trace.db}, the {@code .runner.lock}, the
 * {@code .sent} log, missing
 * parent directories), remembered before the open so a run that fails before it traded removes exactly what it made
 * and nothing that was there before (issue 16).
 */
public final class JournalFiles {
    private final List<Path> created = new ArrayList<>();

    private JournalFiles() {}

    /** Notes which of the journal's files and directories do not exist yet. */
    public static JournalFiles before(Path journal) {
        Path abs = journal.toAbsolutePath().normalize();
        JournalFiles f = new JournalFiles();
        for (Path p : List.of(file(abs, ".mv.db"), file(abs, ".trace.db"), JournalLock.lockFileOf(abs), SendLog.of(abs)))
            if (!Files.exists(p)) f.created.add(p);
        for (Path dir = abs.getParent(); dir != null && !Files.exists(dir); dir = dir.getParent()) f.created.add(dir);
        return f;
    }

    private static Path file(Path journal, String suffix) { return journal.resolveSibling(journal.getFileName() + suffix); }

    /** Deletes what did not exist at {@link #before} (files first, then directories if empty). Call with the journal closed. */
    public void removeCreated() {
        for (Path p : created) {
            try {
                if (Files.isDirectory(p)) {
                    try (var s = Files.list(p)) {
                        if (s.findAny().isPresent()) continue;
                    }
                }
                Files.deleteIfExists(p);
            } catch (IOException e) {
                // best effort: a leftover file is reported by the next start, never fatal here
            }
        }
    }
}
