package io.ibex.session;

import io.ibex.framework.error.ConfigException;
import io.ibex.framework.files.FileModes;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.UnaryOperator;

/**
 * The login budget's state as a small text file ({@code attempt <instant>} lines and an optional
 * {@code rejected <reason>} line), read and rewritten under an exclusive {@link FileLock} so concurrent ibex processes
 * never lose an attempt. The file is created 0600 in a 0700 directory; a line it cannot read is dropped.
 */
final class LoginBudgetFile {
    /** What the budget remembers. */
    record State(List<Instant> attempts, String rejected) {
        State {
            attempts = List.copyOf(attempts);
        }
    }

    /** Atomic read-modify-write of the state; returns the new state. */
    interface Store {
        State update(UnaryOperator<State> change);
    }

    private static final String HEADER = "# ibex login budget, shared by every ibex process. Clear it with: ibex auth login --reset-login-budget";
    /** FileLock is per process: threads of one JVM take this first (a second lock from the same JVM would throw). */
    private static final ReentrantLock IN_PROCESS = new ReentrantLock();
    private static final Set<StandardOpenOption> OPEN = Set.of(StandardOpenOption.CREATE, StandardOpenOption.READ, StandardOpenOption.WRITE);

    private LoginBudgetFile() {}

    static Store inMemory() {
        State[] state = {new State(List.of(), null)};
        return change -> {
            synchronized (state) {
                state[0] = change.apply(state[0]);
                return state[0];
            }
        };
    }

    static Store at(Path file) {
        return change -> update(file, change);
    }

    private static State update(Path file, UnaryOperator<State> change) {
        IN_PROCESS.lock();
        try {
            FileModes.createPrivateDirectories(file.toAbsolutePath().getParent());
            try (FileChannel ch = FileChannel.open(file, OPEN, FileModes.attribute(FileModes.PRIVATE));
                 FileLock lock = ch.lock()) {
                FileModes.makePrivate(file);
                State next = change.apply(parse(read(ch)));
                byte[] bytes = format(next).getBytes(StandardCharsets.UTF_8);
                ch.truncate(0);
                ch.write(ByteBuffer.wrap(bytes), 0);
                ch.force(true);
                return next;
            }
        } catch (IOException | java.io.UncheckedIOException e) {
            throw new ConfigException(file + ": cannot read or update the login budget (" + e.getMessage() + ")."
                + " Fix: make the ibex home writable, or set IBEX_HOME");
        } finally {
            IN_PROCESS.unlock();
        }
    }

    private static String read(FileChannel ch) throws IOException {
        ByteBuffer buf = ByteBuffer.allocate((int) Math.min(ch.size(), 1 << 20));
        while (buf.hasRemaining() && ch.read(buf, buf.position()) > 0) { /* reads until full or end */ }
        return new String(buf.array(), 0, buf.position(), StandardCharsets.UTF_8);
    }

    static State parse(String text) {
        List<Instant> attempts = new ArrayList<>();
        String rejected = null;
        for (String line : text.split("\n")) {
            if (line.isBlank() || line.startsWith("#")) continue;
            if (line.startsWith("rejected ")) {
                rejected = line.substring("rejected ".length()).strip();
                continue;
            }
            try {
                attempts.add(Instant.parse(line.substring(line.indexOf(' ') + 1).strip()));
            } catch (DateTimeParseException e) {
                // a damaged line is dropped; the next write leaves a clean file
            }
        }
        attempts.sort(null);
        return new State(attempts, rejected);
    }

    static String format(State state) {
        StringBuilder sb = new StringBuilder(HEADER).append('\n');
        for (Instant a : state.attempts()) sb.append("attempt ").append(a).append('\n');
        if (state.rejected() != null) sb.append("rejected ").append(state.rejected()).append('\n');
        return sb.toString();
    }
}
