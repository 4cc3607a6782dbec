package io.ibex.data;

import io.ibex.framework.error.DataException;

import java.nio.ByteBuffer;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

/**
 * How bars are stored (Schema version 3): up to {@link #SIZE} consecutive bars of one series version in one
 * {@code bar_chunk} row, packed as six columns of 8-byte values: time (ms), open, high, low and close (raw, see
 * {@link PriceScale}) and the volume's bits. One row per 2,048 bars instead of one per bar: H2's cost per row (about
 * 5 µs per insert) was most of an import's time, and a load now decodes arrays instead of walking a result set.
 */
final class BarChunks {
    static final int SIZE = 2_048;
    private static final int BYTES_PER_BAR = 6 * Long.BYTES;
    /** Chunks read per query: about 1.5 MB, and no result set is held open across a commit. */
    private static final int READ_AHEAD = 16;
    private static final int DELETE_ROWS = 100;

    static final String CREATE_TABLE = """
        CREATE TABLE bar_chunk (
          series_id INT NOT NULL,
          first_ms BIGINT NOT NULL,
          last_ms BIGINT NOT NULL,
          bars INT NOT NULL,
          data VARBINARY(""" + SIZE * BYTES_PER_BAR + """
        ) NOT NULL,
          PRIMARY KEY (series_id, first_ms)
        )""";

    private BarChunks() {}

    /** Buffers bars given in strictly increasing time order and inserts them a chunk at a time; the caller commits. */
    static final class Writer implements AutoCloseable {
        private final PreparedStatement insert;
        private final int seriesId;
        private final long[] time = new long[SIZE], open = new long[SIZE], high = new long[SIZE], low = new long[SIZE],
            close = new long[SIZE];
        private final double[] volume = new double[SIZE];
        private int n;
        private long lastTime = Long.MIN_VALUE, nanos;

        Writer(Connection c, int seriesId) throws SQLException {
            this.seriesId = seriesId;
            this.insert = c.prepareStatement("INSERT INTO bar_chunk (series_id, first_ms, last_ms, bars, data)"
                + " VALUES (?, ?, ?, ?, ?)");
        }

        /** Adds one bar; returns true when that filled a chunk and wrote it. */
        boolean add(long t, long o, long h, long l, long c, double v) throws SQLException {
            if (t <= lastTime) throw new IllegalStateException("bars out of order: " + t + " after " + lastTime);
            lastTime = t;
            time[n] = t; open[n] = o; high[n] = h; low[n] = l; close[n] = c; volume[n] = v;
            if (++n < SIZE) return false;
            flush();
            return true;
        }

        /** Writes the partial chunk, if any. */
        void flush() throws SQLException {
            if (n == 0) return;
            long started = System.nanoTime();
            ByteBuffer all = ByteBuffer.allocate(n * BYTES_PER_BAR);
            long[][] columns = {time, open, high, low, close};
            for (int k = 0; k < 5; k++) all.slice(k * n * Long.BYTES, n * Long.BYTES).asLongBuffer().put(columns[k], 0, n);
            all.slice(5 * n * Long.BYTES, n * Long.BYTES).asDoubleBuffer().put(volume, 0, n);
            insert.setInt(1, seriesId);
            insert.setLong(2, time[0]);
            insert.setLong(3, time[n - 1]);
            insert.setInt(4, n);
            insert.setBytes(5, all.array());
            insert.executeUpdate();
            n = 0;
            nanos += System.nanoTime() - started;
        }

        /** Time spent encoding and inserting. */
        long nanos() { return nanos; }

        @Override public void close() throws SQLException { insert.close(); }
    }

    /** The bars of one version in time order, read {@link #READ_AHEAD} chunks per query. */
    static final class Cursor implements AutoCloseable {
        private final PreparedStatement select;
        private final List<byte[]> pending = new ArrayList<>();
        private final long[] time = new long[SIZE], open = new long[SIZE], high = new long[SIZE], low = new long[SIZE],
            close = new long[SIZE];
        private final double[] volume = new double[SIZE];
        private long after = Long.MIN_VALUE;
        private int next, n, i = -1;
        private boolean exhausted;

        Cursor(Connection c, int seriesId) throws SQLException {
            select = c.prepareStatement("SELECT first_ms, bars, data FROM bar_chunk WHERE series_id = ? AND first_ms > ?"
                + " ORDER BY series_id, first_ms FETCH FIRST " + READ_AHEAD + " ROWS ONLY");
            select.setInt(1, seriesId);
        }

        /** Moves to the next bar; false after the last. */
        boolean next() throws SQLException {
            if (++i < n) return true;
            if (next == pending.size() && !fetch()) return false;
            byte[] data = pending.get(next);
            pending.set(next++, null);
            decode(data);
            i = 0;
            return true;
        }

        private boolean fetch() throws SQLException {
            pending.clear();
            next = 0;
            if (exhausted) return false;
            select.setLong(2, after);
            try (ResultSet r = select.executeQuery()) {
                while (r.next()) {
                    after = r.getLong(1);
                    byte[] data = r.getBytes(3);
                    if (data.length != r.getInt(2) * BYTES_PER_BAR)
                        throw new DataException("a chunk of bars starting at " + Cells.instant(after) + " is damaged ("
                            + data.length + " bytes for " + r.getInt(2) + " bars)");
                    pending.add(data);
                }
            }
            exhausted = pending.size() < READ_AHEAD;
            return !pending.isEmpty();
        }

        private void decode(byte[] data) {
            n = data.length / BYTES_PER_BAR;
            ByteBuffer all = ByteBuffer.wrap(data);
            long[][] columns = {time, open, high, low, close};
            for (int k = 0; k < 5; k++) all.slice(k * n * Long.BYTES, n * Long.BYTES).asLongBuffer().get(columns[k], 0, n);
            all.slice(5 * n * Long.BYTES, n * Long.BYTES).asDoubleBuffer().get(volume, 0, n);
        }

        long time() { return time[i]; }
        long openRaw() { return open[i]; }
        long highRaw() { return high[i]; }
        long lowRaw() { return low[i]; }
        long closeRaw() { return close[i]; }
        double volume() { return volume[i]; }

        @Override public void close() throws SQLException { select.close(); }
    }

    /** The digest of a version as stored, read in time order. */
    static SeriesDigest digestOf(Connection c, int seriesId) throws SQLException {
        SeriesDigest d = new SeriesDigest();
        try (Cursor bars = new Cursor(c, seriesId)) {
            while (bars.next()) d.add(bars.time(), bars.openRaw(), bars.highRaw(), bars.lowRaw(), bars.closeRaw(), bars.volume());
        }
        return d;
    }

    /** Deletes a version's chunks, committing every {@link #DELETE_ROWS} rows (about 10 MB). */
    static void delete(Connection c, int seriesId) throws SQLException {
        try (PreparedStatement p = c.prepareStatement("DELETE FROM bar_chunk WHERE series_id = ? FETCH FIRST "
                + DELETE_ROWS + " ROWS ONLY")) {
            p.setInt(1, seriesId);
            while (p.executeUpdate() > 0) c.commit();
        }
    }

    /**
     * Schema version 3's data step: every series' rows of the version-1 {@code bar} table become chunks, in the
     * migration's transaction (a kill leaves the old store as it was), then that table is dropped.
     */
    static void fromRowTable(Connection c) throws SQLException {
        List<Integer> ids = new ArrayList<>();
        try (Statement s = c.createStatement(); ResultSet r = s.executeQuery("SELECT DISTINCT series_id FROM bar")) {
            while (r.next()) ids.add(r.getInt(1));
        }
        try (PreparedStatement p = c.prepareStatement("SELECT time_ms, open_raw, high_raw, low_raw, close_raw, volume"
                + " FROM bar WHERE series_id = ? AND time_ms > ? ORDER BY series_id, time_ms FETCH FIRST 100000 ROWS ONLY")) {
            for (int id : ids) {
                try (Writer out = new Writer(c, id)) {
                    long after = Long.MIN_VALUE;
                    boolean more = true;
                    while (more) {
                        more = false;
                        p.setInt(1, id);
                        p.setLong(2, after);
                        try (ResultSet r = p.executeQuery()) {
                            while (r.next()) {
                                after = r.getLong(1);
                                out.add(after, r.getLong(2), r.getLong(3), r.getLong(4), r.getLong(5), r.getDouble(6));
                                more = true;
                            }
                        }
                    }
                    out.flush();
                }
            }
        }
        try (Statement s = c.createStatement()) {
            s.execute("DROP TABLE bar");
        }
    }
}
