package io.ibex.data;

import io.ibex.framework.error.DataException;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.HashMap;
import java.util.Map;

/**
 * One import, staged as a new version of its series (Schema version 2). The bars go to an invisible version
 * ({@code bar_series.live IS NULL}) in small committed batches, so memory stays bounded whatever the file size;
 * {@link #commit} then makes that version live, with its import record, in one small transaction. Until that commit
 * readers see the old version, and a kill at any moment leaves at most an invisible leftover that the next open
 * removes ({@link StoreRecovery}). Bars must be added in strictly increasing time order.
 */
final class StagedImport implements AutoCloseable {
    private static final int COPY_CHUNK = 100_000;

    private final Connection c;
    private final String symbol;
    private final Duration barSize;
    private final Integer live;
    private final int staged;
    private final long importId;
    private final int batch;
    private final PreparedStatement write;
    private final long[] time, open, high, low, close;
    private final double[] volume;
    private final SeriesDigest digest = new SeriesDigest();
    private int pending, read, inserted, updated, unchanged;
    private long writeNanos;
    private boolean committed;

    private StagedImport(Connection c, String symbol, Duration barSize, Integer live, int staged, long importId,
                         int batch) throws SQLException {
        this.c = c;
        this.symbol = symbol;
        this.barSize = barSize;
        this.live = live;
        this.staged = staged;
        this.importId = importId;
        this.batch = batch;
        // MERGE: a new time is inserted, a changed one replaces the copied old bar
        this.write = c.prepareStatement("MERGE INTO bar (series_id, time_ms, open_raw, high_raw, low_raw, close_raw,"
            + " volume, import_id) KEY (series_id, time_ms) VALUES (?, ?, ?, ?, ?, ?, ?, ?)");
        time = new long[batch]; open = new long[batch]; high = new long[batch]; low = new long[batch];
        close = new long[batch]; volume = new double[batch];
    }

    /**
     * Creates the staged version (a copy of the live one, if any) and its import record; commits.
     *
     * @param c  a connection with auto-commit off, used only by this import until {@link #close}
     */
    static StagedImport begin(Connection c, String symbol, Duration barSize, String source, String sha256,
                              OffsetDateTime now, int batch) throws SQLException {
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
        StagedImport s = new StagedImport(c, symbol, barSize, live, staged, importId, batch);
        if (live != null) s.copyLiveVersion();
        return s;
    }

    /** Adds one bar (prices already in {@link PriceScale} raw form); writes and commits a batch when it is full. */
    void add(long t, long o, long h, long l, long cl, double v) throws SQLException {
        time[pending] = t; open[pending] = o; high[pending] = h; low[pending] = l; close[pending] = cl;
        volume[pending] = v;
        if (live == null) digest.add(t, o, h, l, cl, v);
        read++;
        if (++pending == batch) flush();
    }

    int read() { return read; }

    /** Makes the staged version live together with its import record, in one small transaction. */
    ImportResult commit(int rejectedRows) throws SQLException {
        flush();
        String hex;
        long bars;
        if (live == null) {
            bars = digest.count();
            hex = digest.hex();
        } else {
            SeriesDigest all = StoreRecovery.digestOf(c, staged);
            bars = all.count();
            hex = all.hex();
        }
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
        if (live != null) StoreRecovery.removeVersion(c, live);
        return new ImportResult(importId, symbol, barSize, false, read, inserted, updated, unchanged, writeNanos);
    }

    /** Without a commit: removes the staged version (if that fails too, the next open does). */
    @Override public void close() throws SQLException {
        try {
            write.close();
        } finally {
            if (!committed) {
                c.rollback();
                StoreRecovery.removeVersion(c, staged);
            }
        }
    }

    private void copyLiveVersion() throws SQLException {
        long started = System.nanoTime();
        try (PreparedStatement copy = c.prepareStatement("INSERT INTO bar SELECT CAST(? AS INT), time_ms, open_raw, high_raw,"
                 + " low_raw, close_raw, volume, import_id FROM bar WHERE series_id = ? AND time_ms > ?"
                 + " ORDER BY series_id, time_ms FETCH FIRST " + COPY_CHUNK + " ROWS ONLY");
             PreparedStatement last = c.prepareStatement("SELECT MAX(time_ms) FROM bar WHERE series_id = ?")) {
            long after = Long.MIN_VALUE;
            while (true) {
                copy.setInt(1, staged);
                copy.setInt(2, live);
                copy.setLong(3, after);
                if (copy.executeUpdate() == 0) break;
                c.commit();
                last.setInt(1, staged);
                try (ResultSet r = last.executeQuery()) {
                    r.next();
                    after = r.getLong(1);
                }
            }
        }
        c.commit();
        writeNanos += System.nanoTime() - started;
    }

    private void flush() throws SQLException {
        if (pending == 0) return;
        long started = System.nanoTime();
        Map<Long, Boolean> stored = live == null ? Map.of() : storedInBatch();
        int written = 0;
        for (int i = 0; i < pending; i++) {
            Boolean same = stored.get(time[i]);
            if (same == null) inserted++;
            else if (same) { unchanged++; continue; }
            else updated++;
            write.setInt(1, staged); write.setLong(2, time[i]);
            write.setLong(3, open[i]); write.setLong(4, high[i]); write.setLong(5, low[i]); write.setLong(6, close[i]);
            write.setDouble(7, volume[i]); write.setLong(8, importId);
            write.addBatch();
            written++;
        }
        if (written > 0) write.executeBatch();
        c.commit();
        pending = 0;
        writeNanos += System.nanoTime() - started;
    }

    /** The live version's bars at this batch's times: time -> identical to the incoming bar. */
    private Map<Long, Boolean> storedInBatch() throws SQLException {
        Map<Long, Integer> index = new HashMap<>(pending * 2);
        for (int i = 0; i < pending; i++) index.put(time[i], i);
        Map<Long, Boolean> out = new HashMap<>();
        try (PreparedStatement p = c.prepareStatement("SELECT time_ms, open_raw, high_raw, low_raw, close_raw, volume"
                + " FROM bar WHERE series_id = ? AND time_ms BETWEEN ? AND ?")) {
            p.setInt(1, live);
            p.setLong(2, time[0]);
            p.setLong(3, time[pending - 1]);
            try (ResultSet r = p.executeQuery()) {
                while (r.next()) {
                    Integer i = index.get(r.getLong(1));
                    if (i == null) continue;          // a stored bar between incoming ones stays as it is
                    out.put(r.getLong(1), open[i] == r.getLong(2) && high[i] == r.getLong(3) && low[i] == r.getLong(4)
                        && close[i] == r.getLong(5)
                        && Double.doubleToLongBits(volume[i]) == Double.doubleToLongBits(r.getDouble(6)));
                }
            }
        }
        return out;
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
