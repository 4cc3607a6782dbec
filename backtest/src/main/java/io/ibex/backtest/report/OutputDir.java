package io.ibex.backtest.report;

import io.ibex.framework.error.ConfigException;

import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.NotDirectoryException;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.Deque;

/**
 * The {@code --out} directory of a run, checked before the run works: it must be a directory (or creatable) and
 * writable. The check creates what is missing, writes and deletes a probe file, and removes the directories it made,
 * so a refused or later failing run leaves nothing behind.
 */
public final class OutputDir {
    private OutputDir() {}

    /** @throws ConfigException naming {@code --out}, the path and the reason */
    public static void check(Path dir) {
        Path abs = dir.toAbsolutePath().normalize();
        if (Files.exists(abs) && !Files.isDirectory(abs))
            throw new ConfigException("--out " + dir + ": a file of that name exists; give a directory");
        Deque<Path> made = new ArrayDeque<>();
        try {
            for (Path p = abs; p != null && !Files.exists(p); p = p.getParent()) made.push(p);
            Files.createDirectories(abs);
            Files.delete(Files.createTempFile(abs, ".ibex-probe.", ".tmp"));
        } catch (IOException e) {
            throw new ConfigException("--out " + dir + ": cannot write there: " + reason(e), e);
        } finally {
            while (!made.isEmpty()) {
                try {
                    Files.deleteIfExists(made.pollLast());
                } catch (IOException ignored) {
                    // best effort: an empty directory the probe made
                }
            }
        }
    }

    /** What went wrong in words ("permission denied"), where the JDK's message is often only the path. */
    public static String reason(IOException e) {
        if (e instanceof AccessDeniedException) return "permission denied";
        if (e instanceof FileAlreadyExistsException) return "a file of that name exists";
        if (e instanceof NoSuchFileException n)
            return n.getFile() != null && Path.of(n.getFile()).getParent() != null && Files.isDirectory(Path.of(n.getFile()).getParent())
                ? "the file system there does not allow new files or directories" : "a parent directory does not exist";
        if (e instanceof NotDirectoryException) return "a parent is a file, not a directory";
        if (e instanceof FileSystemException f && f.getReason() != null) return f.getReason();
        return e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    }
}
