package io.ibex.data;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.HashMap;
import java.util.Map;
import java.util.function.IntConsumer;

/** The body of one import transaction; the caller commits or rolls back. */
final class BarWriter {
    private BarWriter() {}

    static ImportResult write(Connection c, StagedBars bars, String symbol, Duration barSize, long barSeconds,
                              String source, String sha256, int rejected, OffsetDateTime now, int batch,
                              IntConsumer progress) throws SQLException {
        int series = seriesId(c, symbol, barSeconds);
        Long earlier = earlierImport(c, series, sha256);
        if (earlier != null) return new ImportResult(earlier, symbol, barSize, true, bars.size(), 0, 0, bars.size());

        int n = bars.size();
        Map<Long, Integer> stored = storedInRange(c, series, bars, n);
        boolean[] update = new boolean[n];
        boolean[] skip = new boolean[n];
        int inserted = 0, updated = 0, unchanged = 0;
        for (int i = 0; i < n; i++) {
            Integer at = stored.isEmpty() ? null : stored.get(bars.time()[i]);
            if (at == null) inserted++;
            else if (at == 1) { skip[i] = true; unchanged++; }
            else { update[i] = true; updated++; }
        }
        long importId = insertImport(c, series, source, sha256, n, inserted, updated, rejected, now);
        try (PreparedStatement ins = c.prepareStatement("INSERT INTO bar (series_id, time_ms, open_raw, high_raw,"
                 + " low_raw, close_raw, volume, import_id) VALUES (?, ?, ?, ?, ?, ?, ?, ?)");
             PreparedStatement upd = c.prepareStatement("UPDATE bar SET open_raw = ?, high_raw = ?, low_raw = ?,"
                 + " close_raw = ?, volume = ?, import_id = ? WHERE series_id = ? AND time_ms = ?")) {
            int pending = 0;
            for (int i = 0; i < n; i++) {
                if (skip[i]) continue;
                if (update[i]) {
                    upd.setLong(1, bars.open()[i]); upd.setLong(2, bars.high()[i]); upd.setLong(3, bars.low()[i]);
                    upd.setLong(4, bars.close()[i]); upd.setDouble(5, bars.volume()[i]); upd.setLong(6, importId);
                    upd.setInt(7, series); upd.setLong(8, bars.time()[i]);
                    upd.addBatch();
                } else {
                    ins.setInt(1, series); ins.setLong(2, bars.time()[i]);
                    ins.setLong(3, bars.open()[i]); ins.setLong(4, bars.high()[i]); ins.setLong(5, bars.low()[i]);
                    ins.setLong(6, bars.close()[i]); ins.setDouble(7, bars.volume()[i]); ins.setLong(8, importId);
                    ins.addBatch();
                }
                if (++pending == batch) {
                    ins.executeBatch();
                    upd.executeBatch();
                    pending = 0;
                    if (progress != null) progress.accept(i + 1);
                }
            }
            ins.executeBatch();
            upd.executeBatch();
            if (progress != null) progress.accept(n);
        }
        return new ImportResult(importId, symbol, barSize, false, n, inserted, updated, unchanged);
    }

    /** The series' key, created (inside the import's transaction) when it is new. */
    static int seriesId(Connection c, String symbol, long barSeconds) throws SQLException {
        Integer id = existingSeriesId(c, symbol, barSeconds);
        if (id != null) return id;
        try (PreparedStatement p = c.prepareStatement("INSERT INTO bar_series (symbol, bar_seconds) VALUES (?, ?)",
                Statement.RETURN_GENERATED_KEYS)) {
            p.setString(1, symbol);
            p.setLong(2, barSeconds);
            p.executeUpdate();
            try (ResultSet k = p.getGeneratedKeys()) {
                k.next();
                return k.getInt(1);
            }
        }
    }

    static Integer existingSeriesId(Connection c, String symbol, long barSeconds) throws SQLException {
        try (PreparedStatement p = c.prepareStatement("SELECT id FROM bar_series WHERE symbol = ? AND bar_seconds = ?")) {
            p.setString(1, symbol);
            p.setLong(2, barSeconds);
            try (ResultSet r = p.executeQuery()) {
                return r.next() ? r.getInt(1) : null;
            }
        }
    }

    private static Long earlierImport(Connection c, int series, String sha256) throws SQLException {
        try (PreparedStatement p = c.prepareStatement("SELECT id FROM bar_import WHERE series_id = ? AND sha256 = ?")) {
            p.setInt(1, series);
            p.setString(2, sha256);
            try (ResultSet r = p.executeQuery()) {
                return r.next() ? r.getLong(1) : null;
            }
        }
    }

    /** Stored bars in the import's time range: time -> 1 if identical to the incoming bar, 0 if different. */
    private static Map<Long, Integer> storedInRange(Connection c, int series, StagedBars bars, int n)
            throws SQLException {
        Map<Long, Integer> out = new HashMap<>();
        if (n == 0) return out;
        Map<Long, Integer> index = null;
        try (PreparedStatement p = c.prepareStatement("SELECT time_ms, open_raw, high_raw, low_raw, close_raw, volume"
                + " FROM bar WHERE series_id = ? AND time_ms BETWEEN ? AND ?")) {
            p.setInt(1, series);
            p.setLong(2, bars.time()[0]);
            p.setLong(3, bars.time()[n - 1]);
            try (ResultSet r = p.executeQuery()) {
                while (r.next()) {
                    if (index == null) {
                        index = new HashMap<>(n * 2);
                        for (int i = 0; i < n; i++) index.put(bars.time()[i], i);
                    }
                    long t = r.getLong(1);
                    Integer i = index.get(t);
                    if (i == null) continue;    // a stored bar between incoming ones stays as it is
                    out.put(t, bars.sameAs(i, r.getLong(2), r.getLong(3), r.getLong(4), r.getLong(5), r.getDouble(6))
                        ? 1 : 0);
                }
            }
        }
        return out;
    }

    private static long insertImport(Connection c, int series, String source, String sha256, int read, int inserted,
                                     int updated, int rejected, OffsetDateTime now) throws SQLException {
        try (PreparedStatement p = c.prepareStatement("INSERT INTO bar_import (series_id, source, sha256, bars_read,"
                + " bars_inserted, bars_updated, rows_rejected, imported_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
                Statement.RETURN_GENERATED_KEYS)) {
            p.setInt(1, series);
            p.setString(2, source.length() > 1024 ? source.substring(source.length() - 1024) : source);
            p.setString(3, sha256);
            p.setInt(4, read);
            p.setInt(5, inserted);
            p.setInt(6, updated);
            p.setInt(7, rejected);
            p.setObject(8, now);
            p.executeUpdate();
            try (ResultSet k = p.getGeneratedKeys()) {
                k.next();
                return k.getLong(1);
            }
        }
    }
}
