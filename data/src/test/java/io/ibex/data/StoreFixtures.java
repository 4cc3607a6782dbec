package io.ibex.data;

import io.ibex.framework.domain.Bars;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HexFormat;

import static java.nio.charset.StandardCharsets.UTF_8;

/** Helpers shared by the store tests. */
final class StoreFixtures {
    private StoreFixtures() {}

    /** Copies a shipped sample to {@code dir/name}. */
    static Path copySample(String resource, Path dir, String name) throws IOException {
        try (InputStream in = BarSources.class.getResourceAsStream("samples/" + resource)) {
            Path target = dir.resolve(name);
            Files.copy(in, target);
            return target;
        }
    }

    /** SHA-256 over every row of the bar and import tables, in key order: equal digests mean equal contents. */
    static String digest(H2BarStore store) throws SQLException {
        MessageDigest sha = BarDigest.sha256();
        try (Connection c = store.dataSource().getConnection(); Statement s = c.createStatement()) {
            for (String sql : new String[] {"SELECT * FROM bar_chunk ORDER BY series_id, first_ms", "SELECT * FROM bar_series ORDER BY id",
                "SELECT * FROM bar_import ORDER BY id"}) {
                try (ResultSet r = s.executeQuery(sql)) {
                    ResultSetMetaData m = r.getMetaData();
                    while (r.next()) {
                        for (int i = 1; i <= m.getColumnCount(); i++) sha.update((r.getString(i) + "|").getBytes(UTF_8));
                        sha.update((byte) '\n');
                    }
                }
                sha.update((byte) 0);
            }
        }
        return HexFormat.of().formatHex(sha.digest());
    }

    /**
     * What readers see, independent of row ids: each live series with its bars (digest) and the SHA-256s of its
     * imports. Equal strings mean the store holds the same series.
     */
    static String content(H2BarStore store) throws SQLException {
        StringBuilder out = new StringBuilder();
        for (SeriesInfo s : store.list()) {
            Bars bars = store.load(s.symbol(), s.barSize());
            out.append(s).append(' ').append(BarDigest.of(bars));
            try (Connection c = store.dataSource().getConnection(); Statement st = c.createStatement();
                 ResultSet r = st.executeQuery("SELECT i.sha256 FROM bar_import i JOIN bar_series b ON b.id = i.series_id"
                     + " WHERE b.live AND b.symbol = '" + s.symbol() + "' AND b.bar_seconds = "
                     + s.barSize().toSeconds() + " ORDER BY i.sha256")) {
                while (r.next()) out.append(' ').append(r.getString(1), 0, 12);
            }
            out.append('\n');
        }
        return out.toString();
    }

    static long count(H2BarStore store, String sql) throws SQLException {
        try (Connection c = store.dataSource().getConnection(); Statement s = c.createStatement();
             ResultSet r = s.executeQuery(sql)) {
            r.next();
            return r.getLong(1);
        }
    }
}
