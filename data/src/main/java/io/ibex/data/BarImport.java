package io.ibex.data;

import io.ibex.framework.error.DataException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.sql.Connection;
import java.sql.SQLException;

/** A streaming import in progress; see {@link H2BarStore#beginImport}. Not thread-safe. */
public final class BarImport implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(BarImport.class);

    private final StoreLocation location;
    private final Connection c;
    private final StagedImport staged;
    private final ImportResult already;

    BarImport(StoreLocation location, Connection c, StagedImport staged, ImportResult already) {
        this.location = location;
        this.c = c;
        this.staged = staged;
        this.already = already;
    }

    /** The earlier import of the same content (nothing to do), or null. */
    public ImportResult alreadyImported() { return already; }

    /** Adds the next bar (times strictly increasing); {@code source} names it in a price error. */
    public void add(long timeMs, double open, double high, double low, double close, double volume,
                    String source) {
        long o, h, l, cl;
        try {
            o = PriceScale.toRaw(open); h = PriceScale.toRaw(high); l = PriceScale.toRaw(low);
            cl = PriceScale.toRaw(close);
        } catch (ArithmeticException e) {
            throw new DataException(source + ": bar at " + Cells.instant(timeMs) + ": " + e.getMessage());
        }
        try {
            staged.add(timeMs, o, h, l, cl, volume);
        } catch (SQLException e) {
            throw H2BarStore.failure(location, e);
        }
    }

    /** Bars added so far. */
    public int added() { return staged == null ? 0 : staged.read(); }

    /** Makes every added bar visible at once, with the import record. */
    public ImportResult commit(int rejectedRows) {
        try {
            ImportResult r = staged.commit(rejectedRows);
            StoreGeneration.record(c, location);
            return r;
        } catch (SQLException e) {
            throw H2BarStore.failure(location, e);
        }
    }

    /** Discards the staged bars unless {@link #commit} succeeded. */
    @Override public void close() {
        try {
            if (staged != null) staged.close();
        } catch (SQLException e) {
            log.warn("bar store {}: could not discard an unfinished import ({}); the next open removes it",
                location.display(), e.getMessage());
        } finally {
            H2BarStore.closeQuietly(c);
        }
    }
}
