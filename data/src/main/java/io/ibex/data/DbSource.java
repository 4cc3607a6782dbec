package io.ibex.data;

import io.ibex.framework.domain.Bars;
import io.ibex.framework.error.DataException;

import java.time.Duration;
import java.util.Locale;

/**
 * {@code db:SYMBOL[@BAR]}: bars from the bar store. The bar size comes from the spec or the {@code --bar} option
 * (they must agree); without either, the symbol's only stored bar size is used.
 */
final class DbSource {
    private DbSource() {}

    static Bars load(String spec, Duration barOrNull, String dbOrNull) {
        String rest = spec.substring("db:".length()).trim();
        int at = rest.indexOf('@');
        String symbol = (at < 0 ? rest : rest.substring(0, at)).trim().toUpperCase(Locale.ROOT);
        if (symbol.isEmpty()) throw new DataException("'" + spec + "' names no symbol: use db:SYMBOL or db:SYMBOL@1d");
        Duration bar = at < 0 ? barOrNull : BarSizes.parse(rest.substring(at + 1));
        if (at >= 0 && barOrNull != null && !barOrNull.equals(bar))
            throw new DataException("'" + spec + "' asks for " + BarSizes.format(bar) + " bars but --bar says "
                + BarSizes.format(barOrNull) + "; give one of them");
        try (H2BarStore store = H2BarStore.openExisting(dbOrNull)) {
            if (bar == null) bar = store.onlyBarSize(symbol);
            return BarTimes.stored(store.load(symbol, bar), bar);
        }
    }
}
