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
import java.util.function.IntConsumer;

/**
 * The bar store: H2 (file mode, {@code WRITE_DELAY=0}) behind HikariCP, bars keyed by (symbol, bar size, time).
 * An import is one transaction: after a crash or a refused file the store holds all of it or none of it.
 * The H2 web console is never started.
 */
public final class H2BarStore implements AutoCloseable {
    /** Bars between progress reports of {@link #importBars}. */
    private static final int BATCH = 10_000;
    private static final Logger log = LoggerFactory.getLogger(H2BarStore.class);

    private final HikariDataSource pool;
    private final StoreLocation location;
    private final InstantSource clock;

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
        return open(location, clock, true);
    }

    /**
     * Opens a store that must already exist, for reading: a missing file is an error, not a new empty store, and
     * no directory is created.
     */
    public static H2BarStore openExisting(String dbOrNull) {
        return open(StoreLocation.resolve(dbOrNull), InstantSource.system(), false);
    }

    private static H2BarStore open(StoreLocation location, InstantSource clock, boolean create) {
        boolean existed = StoreFiles.checkBeforeOpen(location, create);
        HikariConfig cfg = new HikariConfig();
        cfg.setJdbcUrl(location.jdbcUrl() + (create || location.file() == null ? "" : ";IFEXISTS=TRUE"));
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
            StoreFiles.checkObjects(c, location.display());      // nothing that runs code, before any user table
            if (existed && !Schema.exists(c))
                throw new DataException("bar store " + location.display() + " is corrupted: the file exists but"
                    + " holds no ibex schema (H2 could not read its data); restore a backup or choose another --db");
            Schema.migrate(c, location.display());
            StoreGeneration.check(c, location);
            c.setAutoCommit(false);
            StoreRecovery.removeLeftovers(c, location.display());
            c.setAutoCommit(true);
        } catch (SQLException e) {
            pool.close();
            throw failure(location, e);
        } catch (RuntimeException e) {
            pool.close();
            throw e;
        }
        return store;
    }

    /** Whether the store at a path or URL exists (in-memory stores always do); creates nothing. */
    public static boolean exists(String dbOrNull) {
        StoreLocation at = StoreLocation.resolve(dbOrNull);
        return at.mvFile() == null || java.nio.file.Files.exists(at.mvFile());
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
        try (BarImport in = beginImport(bars.instrument().symbol(), barSize, source, sha256)) {
            if (in.alreadyImported() != null) return in.alreadyImported().withRead(bars.size());
            for (int i = 0; i < bars.size(); i++) {
                in.add(bars.time(i), bars.open(i), bars.high(i), bars.low(i), bars.close(i), bars.volume(i),
                    bars.source());
                if (progress != null && (i + 1) % BATCH == 0) progress.accept(i + 1);
            }
            ImportResult r = in.commit(rejectedRows);
            if (progress != null) progress.accept(bars.size());
            return r;
        }
    }

    /**
     * Starts a streaming import of one series: bars are staged in batches (memory stays bounded) and become
     * visible all at once on {@link BarImport#commit}; closing without a commit discards them. When this symbol and
     * bar size already recorded an import with the same {@code sha256}, {@link BarImport#alreadyImported} says so and
     * nothing is written.
     */
    public BarImport beginImport(String symbol, Duration barSize, String source, String sha256) {
        long barSeconds = seconds(barSize);
        Connection c = null;
        try {
            c = pool.getConnection();
            c.setAutoCommit(false);
            Long earlier = StagedImport.earlierImport(c, symbol, barSeconds, sha256);
            if (earlier != null) {
                c.rollback();
                return new BarImport(location, c, null, new ImportResult(earlier, symbol, barSize, true, 0, 0, 0, 0, 0));
            }
            return new BarImport(location, c, StagedImport.begin(c, symbol, barSize, source, sha256,
                OffsetDateTime.ofInstant(clock.instant(), ZoneOffset.UTC)), null);
        } catch (SQLException e) {
            closeQuietly(c);
            throw failure(location, e);
        }
    }

    static void closeQuietly(Connection c) {
        if (c == null) return;
        try {
            c.close();
        } catch (SQLException ignored) {
            // the pool discards a broken connection
        }
    }

    /**
     * All bars of one series in time order, read straight into the columnar builder. The bars are checked against
     * the count and digest recorded when the series was imported: a damaged store is refused, never half-read.
     */
    public Bars load(String symbol, Duration barSize) {
        String series = symbol + "@" + BarSizes.format(barSize);
        Bars.Builder out = Bars.builder(Instrument.of(symbol), "db:" + series);
        try (Connection c = pool.getConnection()) {
            Integer seriesId = StagedImport.liveSeriesId(c, symbol, seconds(barSize));
            SeriesDigest digest = new SeriesDigest();
            if (seriesId != null) {
                try (BarChunks.Cursor bars = new BarChunks.Cursor(c, seriesId)) {
                    while (bars.next()) {
                        long t = bars.time(), o = bars.openRaw(), h = bars.highRaw(), l = bars.lowRaw(), cl = bars.closeRaw();
                        double v = bars.volume();
                        digest.add(t, o, h, l, cl, v);
                        out.add(t, PriceScale.toDouble(o), PriceScale.toDouble(h), PriceScale.toDouble(l),
                            PriceScale.toDouble(cl), v);
                    }
                }
            }
            if (seriesId != null) Integrity.checkDigest(c, location, series, seriesId, digest);
        } catch (SQLException e) {
            throw failure(location, e);
        }
        if (out.size() == 0)
            throw new DataException("no bars for " + series + " in the bar store at " + location.display()
                + (list().isEmpty() ? " (it is empty; import with: ibex data import FILE --symbol " + symbol + ")"
                    : "; it holds: " + String.join(", ", list().stream().map(SeriesInfo::series).toList())));
        return out.build();
    }

    /** Every stored series with its first/last time and bar count; refuses a series whose count is not the recorded one. */
    public List<SeriesInfo> list() {
        List<SeriesInfo> out = new ArrayList<>();
        try (Connection c = pool.getConnection(); Statement s = c.createStatement();
             ResultSet r = s.executeQuery("SELECT s.symbol, s.bar_seconds, MIN(b.first_ms), MAX(b.last_ms),"
                 + " COALESCE(SUM(b.bars), 0), s.bars FROM bar_series s LEFT JOIN bar_chunk b ON b.series_id = s.id"
                 + " WHERE s.live = TRUE"
                 + " GROUP BY s.id, s.symbol, s.bar_seconds, s.bars ORDER BY s.symbol, s.bar_seconds")) {
            while (r.next()) {
                SeriesInfo info = new SeriesInfo(r.getString(1), Duration.ofSeconds(r.getLong(2)), r.getLong(3),
                    r.getLong(4), r.getLong(5));
                Integrity.checkCount(location, info, r.getLong(6));
                if (info.count() > 0) out.add(info);
            }
        } catch (SQLException e) {
            throw failure(location, e);
        }
        return out;
    }

    /** Reads every series in full and compares it with its recorded count and digest; returns the series checked. */
    public List<SeriesInfo> verify() {
        List<SeriesInfo> all = list();
        for (SeriesInfo s : all) load(s.symbol(), s.barSize());
        return all;
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

    /**
     * Deletes a series (or every bar size of the symbol when {@code barSizeOrNull} is null) and its import records:
     * one small commit takes the series out of view, then its bars are removed in chunks (after a kill, the next
     * open finishes that).
     */
    public int delete(String symbol, Duration barSizeOrNull) {
        String which = "symbol = ?" + (barSizeOrNull == null ? "" : " AND bar_seconds = ?");
        try (Connection c = pool.getConnection()) {
            c.setAutoCommit(false);
            List<Integer> ids = new ArrayList<>();
            long bars = 0;
            try (PreparedStatement find = c.prepareStatement("SELECT id, bars FROM bar_series WHERE " + which);
                 PreparedStatement retire = c.prepareStatement("UPDATE bar_series SET live = NULL WHERE " + which)) {
                for (PreparedStatement p : List.of(find, retire)) {
                    p.setString(1, symbol);
                    if (barSizeOrNull != null) p.setLong(2, seconds(barSizeOrNull));
                }
                try (ResultSet r = find.executeQuery()) {
                    while (r.next()) {
                        ids.add(r.getInt(1));
                        bars += r.getLong(2);
                    }
                }
                retire.executeUpdate();
                StoreGeneration.bump(c);
                c.commit();
            } catch (SQLException | RuntimeException e) {
                c.rollback();
                throw e;
            }
            StoreGeneration.record(c, location);
            for (int id : ids) StoreRecovery.removeVersion(c, id);
            return Math.toIntExact(bars);
        } catch (SQLException e) {
            throw failure(location, e);
        }
    }

    /** For tests and tools in this package: the pool. */
    javax.sql.DataSource dataSource() { return pool; }

    /** Closes the pool. (Chunked rows in a compressed store leave little dead space: no compaction pass is needed.) */
    @Override public void close() { pool.close(); }

    private static long seconds(Duration barSize) {
        BarSizes.format(barSize);   // validates: a positive whole number of seconds
        return barSize.toSeconds();
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
