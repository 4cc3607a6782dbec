package io.ibex.data;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import com.zaxxer.hikari.pool.HikariPool;
import io.ibex.framework.domain.Bars;
import io.ibex.framework.domain.Instrument;
import io.ibex.framework.error.DataException;
import io.ibex.framework.files.FileModes;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.InstantSource;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.IntConsumer;

/**
 * The bar store: H2 (file mode, {@code WRITE_DELAY=0}) behind HikariCP, bars keyed by (symbol, bar size, time).
 * An import is one transaction: after a crash or a refused file the store holds all of it or none of it.
 * The H2 web console is never started.
 */
public final class H2BarStore implements AutoCloseable {
    /** Rows per JDBC batch: big enough to amortise the round trip, small enough to report progress. */
    private static final int BATCH = 10_000;
    private static final int FETCH = 10_000;
    /**
     * After writing this many bars, {@link #close()} compacts the file: one large import transaction leaves
     * ~3x its size in dead MVStore chunks (measured: 1M bars = 163 MB before, 42 MB after SHUTDOWN COMPACT).
     */
    static final long COMPACT_AFTER_BARS = 100_000;
    private static final Logger log = LoggerFactory.getLogger(H2BarStore.class);

    private final HikariDataSource pool;
    private final StoreLocation location;
    private final InstantSource clock;
    private final AtomicLong barsWritten = new AtomicLong();

    private H2BarStore(HikariDataSource pool, StoreLocation location, InstantSource clock) {
        this.pool = pool;
        this.location = location;
        this.clock = clock;
    }

    /** Opens (creating and migrating if needed) the store at a path or {@code jdbc:} URL; null: IBEX_DB or ~/.ibex/ibex. */
    public static H2BarStore open(String dbOrNull) { return open(StoreLocation.resolve(dbOrNull)); }

    public static H2BarStore open(StoreLocation location) { return open(location, InstantSource.system()); }

    /** @param clock stamps {@code bar_import.imported_at} */
    public static H2BarStore open(StoreLocation location, InstantSource clock) {
        createParentDirectory(location);
        HikariConfig cfg = new HikariConfig();
        cfg.setJdbcUrl(location.jdbcUrl());
        cfg.setPoolName("ibex-bars");
        cfg.setMaximumPoolSize(2);      // one CLI command at a time; a second connection for an overlapping read
        cfg.setMinimumIdle(0);
        cfg.setConnectionTimeout(10_000);
        HikariDataSource pool;
        try {
            pool = new HikariDataSource(cfg);
        } catch (HikariPool.PoolInitializationException e) {
            throw failure(location, e.getCause() instanceof SQLException s ? s : new SQLException(e.getMessage(), e));
        }
        makePrivate(location);
        H2BarStore store = new H2BarStore(pool, location, clock);
        try (Connection c = pool.getConnection()) {
            Schema.migrate(c, location.display());
        } catch (SQLException e) {
            pool.close();
            throw failure(location, e);
        } catch (RuntimeException e) {
            pool.close();
            throw e;
        }
        return store;
    }

    public StoreLocation location() { return location; }

    /** Imports bars labelled by their source, with a content digest as the idempotency key. */
    public ImportResult importBars(Bars bars, Duration barSize) {
        return importBars(bars, barSize, bars.source(), BarDigest.of(bars), 0, null);
    }

    /**
     * Imports all of {@code bars} in one transaction. New times are inserted, times already stored with different
     * values are replaced, identical bars are left alone. When this symbol and bar size already recorded an import
     * with the same {@code sha256}, nothing is written at all.
     *
     * @param source        file name recorded with the import
     * @param sha256        of the file (or of the content); the idempotency key
     * @param rejectedRows  rows the reader set aside ({@code --skip-bad}), recorded with the import
     * @param progress      told the number of bars written so far after each batch; may be null
     */
    public ImportResult importBars(Bars bars, Duration barSize, String source, String sha256, int rejectedRows,
                                   IntConsumer progress) {
        long barSeconds = seconds(barSize);
        String symbol = bars.instrument().symbol();
        StagedBars staged = StagedBars.of(bars);
        try (Connection c = pool.getConnection()) {
            c.setAutoCommit(false);
            try {
                ImportResult result = BarWriter.write(c, staged, symbol, barSize, barSeconds, source, sha256,
                    rejectedRows, OffsetDateTime.ofInstant(clock.instant(), ZoneOffset.UTC), BATCH, progress);
                c.commit();
                barsWritten.addAndGet(result.inserted() + result.updated());
                return result;
            } catch (SQLException | RuntimeException e) {
                c.rollback();
                throw e;
            }
        } catch (SQLException e) {
            throw failure(location, e);
        }
    }

    /** All bars of one series in time order, read straight into the columnar builder. */
    public Bars load(String symbol, Duration barSize) {
        String series = symbol + "@" + BarSizes.format(barSize);
        Bars.Builder out = Bars.builder(Instrument.of(symbol), "db:" + series);
        try (Connection c = pool.getConnection();
             PreparedStatement p = c.prepareStatement("SELECT time_ms, open_raw, high_raw, low_raw, close_raw, volume"
                 + " FROM bar WHERE series_id = ? ORDER BY series_id, time_ms")) {   // both columns: H2 then reads the key in order instead of sorting
            Integer seriesId = BarWriter.existingSeriesId(c, symbol, seconds(barSize));
            lazy(c);
            p.setFetchSize(FETCH);
            p.setInt(1, seriesId == null ? -1 : seriesId);
            try (ResultSet r = p.executeQuery()) {
                while (r.next())
                    out.add(r.getLong(1), PriceScale.toDouble(r.getLong(2)), PriceScale.toDouble(r.getLong(3)),
                        PriceScale.toDouble(r.getLong(4)), PriceScale.toDouble(r.getLong(5)), r.getDouble(6));
            }
        } catch (SQLException e) {
            throw failure(location, e);
        }
        if (out.size() == 0)
            throw new DataException("no bars for " + series + " in the bar store at " + location.display()
                + (list().isEmpty() ? " (it is empty; import with: ibex data import FILE --symbol " + symbol + ")"
                    : "; it holds: " + String.join(", ", list().stream().map(SeriesInfo::series).toList())));
        return out.build();
    }

    /** Every stored series with its first/last time and bar count. */
    public List<SeriesInfo> list() {
        List<SeriesInfo> out = new ArrayList<>();
        try (Connection c = pool.getConnection(); Statement s = c.createStatement();
             ResultSet r = s.executeQuery("SELECT s.symbol, s.bar_seconds, MIN(b.time_ms), MAX(b.time_ms), COUNT(*)"
                 + " FROM bar_series s JOIN bar b ON b.series_id = s.id GROUP BY s.symbol, s.bar_seconds"
                 + " ORDER BY s.symbol, s.bar_seconds")) {
            while (r.next())
                out.add(new SeriesInfo(r.getString(1), Duration.ofSeconds(r.getLong(2)), r.getLong(3), r.getLong(4),
                    r.getLong(5)));
        } catch (SQLException e) {
            throw failure(location, e);
        }
        return out;
    }

    /** The bar sizes stored for a symbol, smallest first. */
    public List<Duration> barSizes(String symbol) {
        return list().stream().filter(s -> s.symbol().equals(symbol)).map(SeriesInfo::barSize).toList();
    }

    /** The symbol's only stored bar size; refuses (naming the choices) when there are none or several. */
    public Duration onlyBarSize(String symbol) {
        List<Duration> sizes = barSizes(symbol);
        if (sizes.size() == 1) return sizes.get(0);
        throw new DataException(sizes.isEmpty()
            ? "no bars for " + symbol + " in the bar store at " + location.display()
                + " (import with: ibex data import FILE --symbol " + symbol + ")"
            : symbol + " is stored in several bar sizes (" + String.join(", ", sizes.stream().map(BarSizes::format)
                .toList()) + "); choose one, e.g. db:" + symbol + "@" + BarSizes.format(sizes.get(0))
                + " or --bar " + BarSizes.format(sizes.get(0)));
    }

    /** Deletes a series (or every bar size of the symbol when {@code barSizeOrNull} is null) and its import records. */
    public int delete(String symbol, Duration barSizeOrNull) {
        String series = "SELECT id FROM bar_series WHERE symbol = ?" + (barSizeOrNull == null ? "" : " AND bar_seconds = ?");
        try (Connection c = pool.getConnection()) {
            c.setAutoCommit(false);
            try (PreparedStatement bars = c.prepareStatement("DELETE FROM bar WHERE series_id IN (" + series + ")");
                 PreparedStatement imports = c.prepareStatement("DELETE FROM bar_import WHERE series_id IN (" + series + ")");
                 PreparedStatement rows = c.prepareStatement("DELETE FROM bar_series WHERE id IN (" + series + ")")) {
                for (PreparedStatement p : List.of(bars, imports, rows)) {
                    p.setString(1, symbol);
                    if (barSizeOrNull != null) p.setLong(2, seconds(barSizeOrNull));
                }
                int n = bars.executeUpdate();
                imports.executeUpdate();
                rows.executeUpdate();
                c.commit();
                return n;
            } catch (SQLException | RuntimeException e) {
                c.rollback();
                throw e;
            }
        } catch (SQLException e) {
            throw failure(location, e);
        }
    }

    /**
     * Streams results instead of materialising them: without this H2 copies a large result into temporary files
     * before the first row is returned (measured: 1M bars loaded ~4x slower).
     */
    private static void lazy(Connection c) throws SQLException {
        if (!c.getMetaData().getURL().startsWith("jdbc:h2:")) return;
        try (Statement s = c.createStatement()) {
            s.execute("SET LAZY_QUERY_EXECUTION TRUE");
        }
    }

    /** For tests and tools in this package: the pool. */
    javax.sql.DataSource dataSource() { return pool; }

    /** Closes the pool; after large imports into an H2 file it first compacts the file (takes seconds per 1M bars). */
    @Override public void close() {
        if (barsWritten.get() >= COMPACT_AFTER_BARS && location.jdbcUrl().startsWith("jdbc:h2:file:")) {
            try (Connection c = pool.getConnection(); Statement s = c.createStatement()) {
                s.execute("SHUTDOWN COMPACT");
            } catch (SQLException e) {
                log.warn("could not compact the bar store {}: {}", location.display(), e.getMessage());
            }
        }
        pool.close();
    }

    private static long seconds(Duration barSize) {
        BarSizes.format(barSize);   // validates: a positive whole number of seconds
        return barSize.toSeconds();
    }

    private static void createParentDirectory(StoreLocation location) {
        Path file = fileOf(location);
        Path parent = file == null ? null : file.getParent();
        try {
            if (parent != null && !Files.isDirectory(parent)) FileModes.createPrivateDirectories(parent);
        } catch (java.io.UncheckedIOException e) {
            throw new DataException("cannot create the directory of the bar store " + location.display() + ": " + e.getCause());
        }
    }

    /** The store holds state of the ibex home: private (FileModes), whoever created the file (H2 uses the umask). */
    private static void makePrivate(StoreLocation location) {
        Path file = fileOf(location);
        if (file != null) FileModes.makePrivateIfExists(file.resolveSibling(file.getFileName() + ".mv.db"));
    }

    /** The H2 file path (without .mv.db) of a file store, else null. */
    private static Path fileOf(StoreLocation location) {
        String url = location.jdbcUrl();
        if (!url.startsWith("jdbc:h2:file:")) return null;
        String path = url.substring("jdbc:h2:file:".length());
        int semi = path.indexOf(';');
        return Path.of(semi < 0 ? path : path.substring(0, semi)).toAbsolutePath();
    }

    static DataException failure(StoreLocation location, SQLException e) {
        int code = e.getErrorCode();
        String what = switch (code) {
            case 90020 -> "is in use by another process (close the other ibex, or pick another store with --db)";
            case 90030, 90048 -> "is corrupted or not an H2 database (" + e.getMessage().lines().findFirst().orElse("")
                + "); restore a backup or choose another --db";
            case 90011 -> "must be an absolute path or start with ./";
            default -> "failed: " + e.getMessage().lines().findFirst().orElse(e.toString());
        };
        return new DataException("bar store " + location.display() + " " + what, e);
    }
}
