package io.ibex.data;

import io.ibex.framework.error.DataException;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * Recognises a store that H2 opened in an older state. When the newest part of an H2 file is damaged (truncated, or
 * its end overwritten), H2 silently falls back to the last intact version, which can be an empty store. So every
 * committed change bumps {@code ibex_generation}, and the generation is also written to {@code STORE.generation}
 * beside the file after the commit. A store whose generation is lower than that file's was rolled back by damage
 * and is refused. (A kill between the commit and the file write leaves the store ahead of the file, which is fine.)
 */
final class StoreGeneration {
    private StoreGeneration() {}

    /** Part of each committing transaction that changes what readers see. */
    static void bump(Connection c) throws SQLException {
        try (Statement s = c.createStatement()) {
            s.executeUpdate("UPDATE ibex_generation SET generation = generation + 1 WHERE id = 1");
        }
    }

    static long of(Connection c) throws SQLException {
        try (Statement s = c.createStatement();
             ResultSet r = s.executeQuery("SELECT generation FROM ibex_generation WHERE id = 1")) {
            return r.next() ? r.getLong(1) : 0;
        }
    }

    /** On open: refuses a store older than its recorded generation, and records a newer one. */
    static void check(Connection c, StoreLocation location) throws SQLException {
        Path file = file(location);
        if (file == null) return;
        long stored = of(c), recorded = recorded(file, location);
        if (stored < recorded)
            throw new DataException("bar store " + location.display() + " is corrupted: the file holds change "
                + stored + " but change " + recorded + " was committed (its newest part is damaged, so H2 fell back"
                + " to an older state); restore a backup, or if you put an older copy there on purpose, delete "
                + file);
        if (stored > recorded) record(c, location);
    }

    /** After a commit: writes the store's generation beside it (temp file + atomic move). */
    static void record(Connection c, StoreLocation location) throws SQLException {
        Path file = file(location);
        if (file == null) return;
        long generation = of(c);
        try {
            Path tmp = Files.createTempFile(file.getParent(), file.getFileName().toString(), ".tmp");
            try {
                Files.writeString(tmp, generation + "\n", StandardCharsets.US_ASCII);
                Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } finally {
                Files.deleteIfExists(tmp);
            }
        } catch (IOException e) {
            throw new DataException("bar store " + location.display() + ": cannot write " + file + ": "
                + StoreFiles.reason(e));
        }
    }

    private static long recorded(Path file, StoreLocation location) {
        if (!Files.exists(file)) return 0;
        try {
            return Long.parseLong(Files.readString(file, StandardCharsets.US_ASCII).trim());
        } catch (IOException | NumberFormatException e) {
            throw new DataException("bar store " + location.display() + ": " + file + " is not readable ("
                + e.getMessage() + "); delete it if the store itself is fine");
        }
    }

    /** {@code STORE.generation} next to {@code STORE.mv.db}, or null for in-memory stores. */
    static Path file(StoreLocation location) {
        return location.file() == null ? null : Path.of(location.file() + ".generation");
    }
}
