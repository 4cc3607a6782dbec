package io.ibex.backtest.sweep;

import io.ibex.framework.files.FileModes;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/** Writes each output file whole or not at all: to a temporary sibling, then an atomic rename. */
final class SweepOutputs {
    private SweepOutputs() {}

    static void write(Path dir, String name, String content) {
        try {
            Files.createDirectories(dir);
            Path tmp = dir.resolve("." + name + "." + ProcessHandle.current().pid() + ".tmp");
            try {
                Files.writeString(tmp, content, StandardCharsets.UTF_8);
                FileModes.makeShared(tmp);             // a research result, made to be shared (docs/reliability.md)
                try {
                    Files.move(tmp, dir.resolve(name), StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
                } catch (AtomicMoveNotSupportedException e) {
                    Files.move(tmp, dir.resolve(name), StandardCopyOption.REPLACE_EXISTING);
                }
            } finally {
                Files.deleteIfExists(tmp);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + dir.resolve(name) + ": " + e.getMessage(), e);
        }
    }
}
