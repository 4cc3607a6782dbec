package io.ibex.data;

import java.time.Duration;

/**
 * What an import did.
 *
 * @param importId        the {@code bar_import} row (the earlier one when {@code alreadyImported})
 * @param alreadyImported the same content was imported before for this symbol and bar size: nothing changed
 * @param read            bars offered
 * @param inserted        new bars
 * @param updated         bars that replaced a stored bar with different values at the same time
 * @param unchanged       bars identical to the stored ones
 * @param writeNanos      time spent writing to the store (0 when nothing was written)
 */
public record ImportResult(long importId, String symbol, Duration barSize, boolean alreadyImported, int read,
                           int inserted, int updated, int unchanged, long writeNanos) {
    public String series() { return symbol + "@" + BarSizes.format(barSize); }

    /** This earlier import as the answer to offering {@code n} bars again: all of them unchanged. */
    ImportResult withRead(int n) {
        return new ImportResult(importId, symbol, barSize, alreadyImported, n, inserted, updated, n, writeNanos);
    }

    /** Bars read per second of store writing, or 0 when nothing was written. */
    public long barsPerSecond() { return writeNanos <= 0 ? 0 : Math.round(read * 1e9 / writeNanos); }
}
