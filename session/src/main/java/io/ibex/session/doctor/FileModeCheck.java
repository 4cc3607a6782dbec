package io.ibex.session.doctor;

import io.ibex.framework.files.FileModes;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * Doctor's check of the ibex home: everything in it is private (FileModes: files 0600, directories 0700), because it
 * holds credentials, the pinned certificate, the login budget, logs with account data and the bar store.
 */
final class FileModeCheck {
    static final String NAME = "file modes";
    private static final int SHOWN = 5;

    private FileModeCheck() {}

    static Check of(Path home) {
        if (!Files.isDirectory(home)) return Check.ok(NAME, home + " does not exist yet");
        List<String> open = new ArrayList<>();
        int total = 0;
        try (Stream<Path> all = Files.walk(home, 6)) {
            for (Path p : (Iterable<Path>) all::iterator) {
                if (Files.isSymbolicLink(p)) continue;
                total++;
                var perms = Files.getPosixFilePermissions(p, LinkOption.NOFOLLOW_LINKS);
                if (FileModes.groupOrOtherCanAccess(perms))
                    open.add((p.equals(home) ? home.toString() : home.relativize(p).toString()) + (Files.isDirectory(p) ? "/" : "")
                        + " " + FileModes.octal(perms));
            }
        } catch (IOException | UnsupportedOperationException e) {
            return Check.warn(NAME, "cannot read the modes in " + home + " (" + e.getMessage() + ")", "check the directory by hand: ls -la " + home);
        }
        if (open.isEmpty()) return Check.ok(NAME, total + " entries in " + home + " are private (0600/0700)");
        String shown = String.join(", ", open.subList(0, Math.min(SHOWN, open.size()))) + (open.size() > SHOWN ? ", ..." : "");
        return Check.fail(NAME, open.size() + " of " + total + " entries in " + home + " are open to group or others: " + shown,
            "chmod -R go-rwx " + home);
    }
}
