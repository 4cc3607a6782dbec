package io.ibex.live.journal;

import io.ibex.framework.domain.Instrument;
import io.ibex.framework.domain.OrderType;
import io.ibex.framework.domain.Side;
import io.ibex.framework.domain.TimeInForce;

import java.math.BigDecimal;
import java.util.Objects;

/**
 * What a strategy wants, before it has an id: the journal gives it its cOID when it commits the intent row.
 *
 * @param strategySha256 SHA-256 of the plugin JAR, or {@code built-in} for strategies shipped with ibex
 * @param limitPrice     null unless LMT/STOP_LIMIT
 * @param stopPrice      null unless STP/STOP_LIMIT
 */
public record IntentDraft(String strategy, String strategyVersion, String strategySha256, Instrument instrument,
                          Side side, BigDecimal quantity, OrderType type, BigDecimal limitPrice, BigDecimal stopPrice,
                          TimeInForce tif) {
    public IntentDraft {
        Objects.requireNonNull(strategy, "strategy");
        Objects.requireNonNull(strategyVersion, "strategyVersion");
        Objects.requireNonNull(strategySha256, "strategySha256");
        Objects.requireNonNull(instrument, "instrument");
        Objects.requireNonNull(side, "side");
        Objects.requireNonNull(quantity, "quantity");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(tif, "tif");
        if (quantity.signum() <= 0) throw new IllegalArgumentException("intent quantity must be positive, was " + quantity);
    }

    public static IntentDraft market(String strategy, String version, String sha, Instrument instrument, Side side,
                                     BigDecimal quantity) {
        return new IntentDraft(strategy, version, sha, instrument, side, quantity, OrderType.MKT, null, null, TimeInForce.DAY);
    }
}
