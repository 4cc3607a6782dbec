package io.ibex.data;

import io.ibex.framework.error.DataException;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.OffsetDateTime;

/**
 * One import, staged as a new version of its series (Schema versions 2 and 3). The new version is the merge of the
 * live one (if any) with the incoming bars, written as chunks ({@link BarChunks}) and committed every few chunks, so
 * memory stays bounded whatever the file size; {@link #commit} then makes that version live, with its import record,
 * in one small transaction. Until that commit readers see the old version, and a kill at any moment leaves at most an
 * invisible leftover that the next open removes ({@link StoreRecovery}). Bars must be added in strictly increasing
 * time order.
 */
final class StagedImport implements AutoCloseable {
    /** Chunks written per commit: about 2 MB of bars, so an uncommitted transaction stays small. */
    private static final int CHUNKS_PER_COMMIT = 16;

    private final Connection c;
    private final String symbol;
    private final Duration barSize;
    private final Integer live;
    private final int staged;
    private final long importId;
    private final BarChunks.Writer out;
    private final BarChunks.Cursor old;
    private boolean oldHas;
    private final SeriesDigest digest = new SeriesDigest();
    private int read, inserted, updated, unchanged, chunks;
    private boolean committed;

    private StagedImport(Connection c, String symbol, Duration barSize, Integer live, int staged, long importId)
            throws SQLException {
        this.c = c;
        this.symbol = symbol;
        this.barSize = barSize;
        this.live = live;
        this.staged = staged;
        this.importId = importId;
        this.out = new BarChunks.Writer(c, staged);
        this.old = live == null ? null : new BarChunks.Cursor(c, live);
        this.oldHas = old != null && old.next();
    }

    /**
     * Creates the staged version (a copy of the live one, if any) and its import record; commits.
     *
     * @param c  a connection with auto-commit off, used only by this import until {@link #close}
     */
    static StagedImport begin(Connection c, String symbol, Duration barSize, String source, String sha256,
                              OffsetDateTime now) throws SQLException {
        long barSeconds = barSize.toSeconds();
        Integer live = liveSeriesId(c, symbol, barSeconds);
        int staged;
        try (PreparedStatement p = c.prepareStatement("INSERT INTO bar_series (symbol, bar_seconds, live)"
                + " VALUES (?, ?, NULL)", Statement.RETURN_GENERATED_KEYS)) {
            p.setString(1, symbol);
            p.setLong(2, barSeconds);
            p.executeUpdate();
            staged = generatedKey(p).intValue();
        }
        long importId;
        try (PreparedStatement p = c.prepareStatement("INSERT INTO bar_import (series_id, source, sha256, bars_read,"
                + " bars_inserted, bars_updated, rows_rejected, imported_at) VALUES (?, ?, ?, 0, 0, 0, 0, ?)",
                Statement.RETURN_GENERATED_KEYS)) {
            p.setInt(1, staged);
            p.setString(2, source.length() > 1024 ? source.substring(source.length() - 1024) : source);
            p.setString(3, sha256);
            p.setObject(4, now);
            p.executeUpdate();
            importId = generatedKey(p);
        }
        c.commit();
        return new StagedImport(c, symbol, barSize, live, staged, importId);
    }

    /**
     * Adds one bar (prices already in {@link PriceScale} raw form): stored bars before it are carried over into the new
     * version, a stored bar at the same time is replaced (or counted unchanged).
     */
    void add(long t, long o, long h, long l, long cl, double v) throws SQLException {
        read++;
        while (oldHas && old.time() < t) carryOld();
        if (oldHas && old.time() == t) {
            boolean same = old.openRaw() == o && old.highRaw() == h && old.lowRaw() == l && old.closeRaw() == cl
                && Double.doubleToLongBits(old.volume()) == Double.doubleToLongBits(v);
            if (same) unchanged++; else updated++;
            oldHas = old.next();
        } else {
            inserted++;
        }
        write(t, o, h, l, cl, v);
    }

    private void carryOld() throws SQLException {
        write(old.time(), old.openRaw(), old.highRaw(), old.lowRaw(), old.closeRaw(), old.volume());
        oldHas = old.next();
    }

    private void write(long t, long o, long h, long l, long cl, double v) throws SQLException {
        digest.add(t, o, h, l, cl, v);
        if (out.add(t, o, h, l, cl, v) && ++chunks % CHUNKS_PER_COMMIT == 0) c.commit();
    }

    int read() { return read; }

    /** Makes the staged version live together with its import record, in one small transaction. */
    ImportResult commit(int rejectedRows) throws SQLException {
        while (oldHas) carryOld();
        out.flush();
        long bars = digest.count();
        String hex = digest.hex();
        try (PreparedStatement imp = c.prepareStatement("UPDATE bar_import SET bars_read = ?, bars_inserted = ?,"
                 + " bars_updated = ?, rows_rejected = ? WHERE id = ?");
             PreparedStatement retire = c.prepareStatement("UPDATE bar_series SET live = NULL WHERE id = ?");
             PreparedStatement move = c.prepareStatement("UPDATE bar_import SET series_id = ? WHERE series_id = ?");
             PreparedStatement promote = c.prepareStatement("UPDATE bar_series SET live = TRUE, bars = ?, digest = ?"
                 + " WHERE id = ?")) {
            imp.setInt(1, read); imp.setInt(2, inserted); imp.setInt(3, updated); imp.setInt(4, rejectedRows);
            imp.setLong(5, importId);
            imp.executeUpdate();
            if (live != null) {
                retire.setInt(1, live);
                retire.executeUpdate();
                move.setInt(1, staged);
                move.setInt(2, live);
                move.executeUpdate();
            }
            promote.setLong(1, bars);
            promote.setString(2, hex);
            promote.setInt(3, staged);
            promote.executeUpdate();
            StoreGeneration.bump(c);
            c.commit();                                    // the one commit that makes the import visible
        }
        committed = true;
        if (live != null) {
            try {
                StoreRecovery.removeVersion(c, live);
            } catch (SQLException e) {                    // the import is done; the next open removes the old version
                c.rollback();
            }
        }
        return new ImportResult(importId, symbol, barSize, false, read, inserted, updated, unchanged, out.nanos());
    }

    /** Without a commit: removes the staged version (if that fails too, the next open does). */
    @Override public void close() throws SQLException {
        try {
            out.close();
            if (old != null) old.closeRaw();
        } finally {
            if (!committed) {
                c.rollback();
                StoreRecovery.removeVersion(c, staged);
            }
        }
    }

    /** The live version of a series, or null when it is not stored. */
    static Integer liveSeriesId(Connection c, String symbol, long barSeconds) throws SQLException {
        try (PreparedStatement p = c.prepareStatement("SELECT id FROM bar_series WHERE symbol = ? AND bar_seconds = ?"
                + " AND live = TRUE")) {
            p.setString(1, symbol);
            p.setLong(2, barSeconds);
            try (ResultSet r = p.executeQuery()) {
                return r.next() ? r.getInt(1) : null;
            }
        }
    }

    /** The import of this content already recorded for the live series, or null. */
    static Long earlierImport(Connection c, String symbol, long barSeconds, String sha256) throws SQLException {
        try (PreparedStatement p = c.prepareStatement("SELECT i.id FROM bar_import i JOIN bar_series s"
                + " ON s.id = i.series_id WHERE s.symbol = ? AND s.bar_seconds = ? AND s.live = TRUE AND i.sha256 = ?")) {
            p.setString(1, symbol);
            p.setLong(2, barSeconds);
            p.setString(3, sha256);
            try (ResultSet r = p.executeQuery()) {
                return r.next() ? r.getLong(1) : null;
            }
        }
    }

    private static Long generatedKey(PreparedStatement p) throws SQLException {
        try (ResultSet k = p.getGeneratedKeys()) {
            if (!k.next()) throw new DataException("the bar store returned no key for a new row");
            return k.getLong(1);
        }
    }
}
