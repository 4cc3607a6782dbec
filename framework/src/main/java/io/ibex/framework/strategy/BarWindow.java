package io.ibex.framework.strategy;

import io.ibex.framework.domain.Instrument;

/**
 * Read-only view of the CLOSED bars of one instrument. {@code barsAgo} 0 is the bar that just closed, 1 the one before.
 * There is no absolute index and no way to reach a bar that has not closed yet: a strategy cannot look ahead.
 * Every accessor throws {@link IndexOutOfBoundsException} when {@code barsAgo >= size()}.
 */
public interface BarWindow {
    Instrument instrument();
    /** Number of closed bars visible (capped at the strategy's {@link Strategy#lookback()}). */
    int size();
    /** The bar's OPEN time (epoch ms, see {@code Bars}); {@code ctx.now()} is bar 0's close. */
    long time(int barsAgo);
    double open(int barsAgo);
    double high(int barsAgo);
    double low(int barsAgo);
    double close(int barsAgo);
    double volume(int barsAgo);
}
