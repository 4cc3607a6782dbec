package io.ibex.data;

import io.ibex.framework.error.DataException;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;

/** Compares what a series holds with the count and digest its import recorded (Schema version 2). */
final class Integrity {
    private Integrity() {}

    static void checkCount(StoreLocation location, SeriesInfo series, long recorded) {
        if (series.count() != recorded)
            throw corrupted(location, series.series(), "holds " + series.count() + " bars, but " + recorded
                + " were recorded at import");
    }

    static void checkDigest(Connection c, StoreLocation location, String series, int seriesId, SeriesDigest read)
            throws SQLException {
        try (PreparedStatement p = c.prepareStatement("SELECT bars, digest FROM bar_series WHERE id = ?")) {
            p.setInt(1, seriesId);
            try (ResultSet r = p.executeQuery()) {
                if (!r.next()) return;
                long bars = r.getLong(1);
                String digest = r.getString(2);
                if (read.count() != bars)
                    throw corrupted(location, series, "holds " + read.count() + " bars, but " + bars
                        + " were recorded at import");
                if (digest != null && !digest.equals(read.hex()))
                    throw corrupted(location, series, "does not match the digest recorded at import");
            }
        }
    }

    private static DataException corrupted(StoreLocation location, String series, String what) {
        return new DataException("bar store " + location.display() + " is corrupted: " + series + " " + what
            + "; restore a backup, or delete the series (ibex data delete) and import it again");
    }
}
