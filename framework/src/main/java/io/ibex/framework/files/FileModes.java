package io.ibex.framework.files;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Set;

/**
 * The one rule for the modes of the files ibex writes (docs/reliability.md "Session, credentials and files"):
 * <ul>
 *   <li>{@link #PRIVATE} (0600, directories 0700): everything that holds a secret, account data or ibex's own state:
 *       the ibex home and all in it (credentials, the pinned certificate, the login budget, logs and last-error.log, the
 *       bar store), live run directories (journal, orders.csv, trades.csv), the gateway's key store and conf.yaml;</li>
 *   <li>{@link #SHARED} (0644, directories 0755): research results a user asks for with {@code --out} (backtest and
 *       sweep reports, data exports), which are made to be read by others.</li>
 * </ul>
 * On a file system without POSIX modes (Windows) every method leaves the mode alone.
 */
public final class FileModes {
    public static final Set<PosixFilePermission> PRIVATE = PosixFilePermissions.fromString("rw-------");
    public static final Set<PosixFilePermission> PRIVATE_DIR = PosixFilePermissions.fromString("rwx------");
    public static final Set<PosixFilePermission> SHARED = PosixFilePermissions.fromString("rw-r--r--");
    public static final Set<PosixFilePermission> SHARED_DIR = PosixFilePermissions.fromString("rwxr-xr-x");

    private FileModes() {}

    /** Sets 0600 on a file or 0700 on a directory (no symlink is followed for the check of what it is). */
    public static Path makePrivate(Path path) {
        return set(path, Files.isDirectory(path) ? PRIVATE_DIR : PRIVATE);
    }

    /** {@link #makePrivate} when the path exists (files other programs create, such as H2's); returns the path. */
    public static Path makePrivateIfExists(Path path) {
        return Files.exists(path) ? makePrivate(path) : path;
    }

    /** Sets 0644 on a file or 0755 on a directory. */
    public static Path makeShared(Path path) {
        return set(path, Files.isDirectory(path) ? SHARED_DIR : SHARED);
    }

    /** Creates the directory and its missing parents; the directory itself (not existing parents) ends up 0700. */
    public static Path createPrivateDirectories(Path dir) {
        try {
            Files.createDirectories(dir);
            return makePrivate(dir);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Creates a new, empty 0600 file, failing if anything (a symlink included) is already at the path. */
    public static Path createPrivateFile(Path file) throws FileAlreadyExistsException {
        try {
            if (posix(file.toAbsolutePath().getParent())) Files.createFile(file, attribute(PRIVATE));
            else Files.createFile(file);
            return file;
        } catch (FileAlreadyExistsException e) {
            throw e;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Writes bytes to a file that is private before any byte reaches it (created 0600, or tightened first). */
    public static Path writePrivate(Path file, byte[] bytes) throws IOException {
        if (Files.exists(file)) makePrivate(file);
        else if (posix(file.toAbsolutePath().getParent())) Files.createFile(file, attribute(PRIVATE));
        Files.write(file, bytes, StandardOpenOption.WRITE, StandardOpenOption.TRUNCATE_EXISTING, StandardOpenOption.CREATE);
        return file;
    }

    /** The permissions as an attribute for {@code Files.createFile}/{@code createDirectory}. */
    public static FileAttribute<Set<PosixFilePermission>> attribute(Set<PosixFilePermission> perms) {
        return PosixFilePermissions.asFileAttribute(perms);
    }

    /** Whether the path's permissions include anything for group or others. */
    public static boolean groupOrOtherCanAccess(Set<PosixFilePermission> perms) {
        return perms.stream().anyMatch(p -> !p.name().startsWith("OWNER_"));
    }

    /** "0640" for a set of permissions. */
    public static String octal(Set<PosixFilePermission> perms) {
        int m = 0;
        for (PosixFilePermission p : perms) m |= 1 << (8 - p.ordinal());
        return String.format("0%o", m);
    }

    private static Path set(Path path, Set<PosixFilePermission> perms) {
        try {
            if (posix(path)) Files.setPosixFilePermissions(path, perms);
            return path;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static boolean posix(Path path) {
        return path != null && path.getFileSystem().supportedFileAttributeViews().contains("posix");
    }
}
