package io.ibex.live.risk;

import io.ibex.live.market.QuoteFlag;

import java.util.EnumSet;
import java.util.Set;

/**
 * The decision price of an instrument as risk sees it.
 *
 * @param last      last trade price (NaN when absent)
 * @param ageMillis age on the monotonic clock since it was received
 * @param flags     non-tradable markers; empty when the price is fine
 */
public record MarketView(double last, long ageMillis, Set<QuoteFlag> flags) {
    public MarketView {
        flags = flags.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(flags));
    }

    public static MarketView fresh(double last) { return new MarketView(last, 0, Set.of()); }
}
