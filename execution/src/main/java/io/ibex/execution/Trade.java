package io.ibex.execution;

import io.ibex.framework.domain.Instrument;
import io.ibex.framework.domain.Side;

import java.math.BigDecimal;
import java.util.Objects;

/**
 * One closed round trip: from flat to flat (or to the flip point of a reversal).
 *
 * @param side       BUY for a long round trip, SELL for a short one
 * @param entryPrice average price of the entry fills (exact for a single fill)
 * @param exitPrice  average price of the exit fills
 * @param pnl        realised profit after {@code commission}, exact
 * @param commission commission of the entry and exit fills that belong to this round trip
 */
public record Trade(Instrument instrument, Side side, BigDecimal quantity, long entryTimeMillis, BigDecimal entryPrice,
                    long exitTimeMillis, BigDecimal exitPrice, BigDecimal pnl, BigDecimal commission) {
    public Trade {
        Objects.requireNonNull(instrument, "instrument");
        Objects.requireNonNull(side, "side");
        Objects.requireNonNull(quantity, "quantity");
        Objects.requireNonNull(entryPrice, "entryPrice");
        Objects.requireNonNull(exitPrice, "exitPrice");
        Objects.requireNonNull(pnl, "pnl");
        Objects.requireNonNull(commission, "commission");
    }

    /** "long" or "short", as written to trades.csv. */
    public String direction() { return side == Side.BUY ? "long" : "short"; }
}
