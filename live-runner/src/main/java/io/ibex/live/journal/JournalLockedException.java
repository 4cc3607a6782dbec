package io.ibex.live.journal;

import java.nio.file.Path;

/** Another runner owns the journal (P8). The CLI exits with code {@link #EXIT_CODE} before any network call. */
public final class JournalLockedException extends JournalException {
    public static final int EXIT_CODE = 3;
    private final String ownerPid;

    public JournalLockedException(Path journal, String ownerPid) {
        super("journal locked by pid " + ownerPid + " (" + journal + "): another ibex live runner is using it; stop it"
            + " or give this runner its own --journal");
        this.ownerPid = ownerPid;
    }

    public String ownerPid() { return ownerPid; }
}
