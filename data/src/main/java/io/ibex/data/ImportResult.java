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
 */
public record ImportResult(long importId, String symbol, Duration barSize, boolean alreadyImported, int read,
                           int inserted, int updated, int unchanged) {
    public String series() { return symbol + "@" + BarSizes.format(barSize); }
}
