package io.ibex.cli.replay;

import io.ibex.live.journal.JournalLock;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Comparator;
import java.util.OptionalLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The temp directory of a replay without {@code --journal}: {@code ibex-replay-<pid>-<random>} (0700), deleted when the
 * replay ends. A replay that was killed cannot delete its own, so every replay first removes the ones whose owner is
 * gone: the pid in the name is not running, or (directories from before the pid was in the name) nobody holds the
 * journal's runner lock any more.
 */
final class ReplayTempDirs {
    static final String PREFIX = "ibex-replay";
    private static final Pattern WITH_PID = Pattern.compile(Pattern.quote(PREFIX) + "-(\\d+)-.*");

    private ReplayTempDirs() {}

    /** Cleans stale replay directories in {@code tempRoot}, then makes this replay's. */
    static Path create(Path tempRoot) throws IOException {
        cleanStale(tempRoot);
        return Files.createTempDirectory(tempRoot, PREFIX + "-" + ProcessHandle.current().pid() + "-");
    }

    /** Deletes the replay directories of processes that are gone; returns how many. */
    static int cleanStale(Path tempRoot) {
        int removed = 0;
        try (DirectoryStream<Path> dirs = Files.newDirectoryStream(tempRoot, PREFIX + "*")) {
            for (Path dir : dirs)
                if (Files.isDirectory(dir) && !Files.isSymbolicLink(dir) && ownerIsGone(dir)) {
                    delete(dir);
                    removed++;
                }
        } catch (IOException e) {
            // an unreadable temp directory only means nothing is cleaned this time
        }
        return removed;
    }

    static boolean ownerIsGone(Path dir) {
        OptionalLong pid = pidOf(dir.getFileName().toString());
        if (pid.isPresent()) return ProcessHandle.of(pid.getAsLong()).map(p -> !p.isAlive()).orElse(true);
        Path lock = JournalLock.lockFileOf(dir.resolve("journal"));
        if (!Files.exists(lock)) return true;
        try (FileChannel ch = FileChannel.open(lock, StandardOpenOption.WRITE); FileLock held = ch.tryLock()) {
            return held != null;
        } catch (OverlappingFileLockException e) {
            return false;                                    // a replay in this very process holds it
        } catch (IOException e) {
            return false;                                    // not ours to judge (another user's, unreadable)
        }
    }

    static OptionalLong pidOf(String name) {
        Matcher m = WITH_PID.matcher(name);
        return m.matches() ? OptionalLong.of(Long.parseLong(m.group(1))) : OptionalLong.empty();
    }

    static void delete(Path dir) {
        try (var s = Files.walk(dir)) {
            s.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException ignored) {
            // a leftover temp directory is cleaned by the next replay
        }
    }
}
