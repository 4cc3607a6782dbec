package io.ibex.live.market;

import io.ibex.framework.domain.Instrument;

import java.util.EnumSet;
import java.util.Objects;
import java.util.Set;

/**
 * One parsed snapshot row.
 *
 * @param last               last price without its C/H prefix (NaN when absent: absent is never 0)
 * @param cumulativeVolume   day volume so far (NaN when absent); bar volume is its increase
 * @param flags              why the price is not tradable, empty when it is
 * @param receivedNanos      monotonic clock when the row arrived; ages are measured from here, never from server time
 */
public record Quote(Instrument instrument, double last, double cumulativeVolume, Set<QuoteFlag> flags, long receivedNanos) {
    public Quote {
        Objects.requireNonNull(instrument, "instrument");
        flags = flags.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(flags));
    }

    public boolean tradable() { return flags.isEmpty() && last > 0; }
}
