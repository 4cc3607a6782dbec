package io.ibex.live.journal;

import io.ibex.framework.files.FileModes;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * The one-writer guarantee (P8): an OS lock on {@code <journal>.runner.lock}, taken before H2 opens. H2's own file
 * lock is not relied on. The OS releases the lock when the process dies, even on kill -9, so a restarted runner
 * gets it back at once. The file holds the owner's pid so the refusal can name it.
 */
public final class JournalLock implements AutoCloseable {
    private final FileChannel channel;
    private final FileLock lock;
    private final Path path;

    private JournalLock(FileChannel channel, FileLock lock, Path path) {
        this.channel = channel;
        this.lock = lock;
        this.path = path;
    }

    public static Path lockFileOf(Path journal) { return journal.resolveSibling(journal.getFileName() + ".runner.lock"); }

    /** @throws JournalLockedException when another live process holds the lock */
    public static JournalLock acquire(Path journal) {
        Path path = lockFileOf(journal);
        try {
            Path dir = path.toAbsolutePath().getParent();
            if (!Files.isDirectory(dir)) FileModes.createPrivateDirectories(dir);    // a run directory: account data
            FileChannel ch = FileChannel.open(path, java.util.Set.of(StandardOpenOption.CREATE, StandardOpenOption.READ,
                StandardOpenOption.WRITE), FileModes.attribute(FileModes.PRIVATE));
            FileLock l;
            try {
                l = ch.tryLock();
            } catch (IOException | RuntimeException e) {
                ch.close();
                throw e;
            }
            if (l == null) {
                String owner = readOwner(ch);
                ch.close();
                throw new JournalLockedException(journal, owner);
            }
            ch.truncate(0);
            ch.write(ByteBuffer.wrap(Long.toString(ProcessHandle.current().pid()).getBytes(StandardCharsets.US_ASCII)), 0);
            ch.force(false);
            return new JournalLock(ch, l, path);
        } catch (java.nio.channels.OverlappingFileLockException e) {
            throw new JournalLockedException(journal, Long.toString(ProcessHandle.current().pid()));
        } catch (IOException | java.io.UncheckedIOException e) {
            throw new JournalException("cannot create the journal lock " + path + ": " + e.getMessage()
                + " (check that the directory exists and is writable)", e);
        }
    }

    private static String readOwner(FileChannel ch) throws IOException {
        ByteBuffer buf = ByteBuffer.allocate(32);
        int n = ch.read(buf, 0);
        String s = n <= 0 ? "" : new String(buf.array(), 0, n, StandardCharsets.US_ASCII).trim();
        return s.isEmpty() ? "?" : s;
    }

    public Path path() { return path; }

    @Override public void close() {
        try {
            lock.release();
            channel.close();
        } catch (IOException e) {
            throw new JournalException("cannot release " + path + ": " + e.getMessage(), e);
        }
    }
}
