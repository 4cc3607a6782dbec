package io.ibex.live.journal;

import io.ibex.framework.domain.ClientOrderId;
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
 * @param parentId       the entry of a bracket for its take-profit and stop-loss legs, else null
 * @param ocaGroup       the one-cancels-all group of a bracket's exits or of an OCO order, else null
 */
public record IntentDraft(String strategy, String strategyVersion, String strategySha256, Instrument instrument,
                          Side side, BigDecimal quantity, OrderType type, BigDecimal limitPrice, BigDecimal stopPrice,
                          TimeInForce tif, ClientOrderId parentId, String ocaGroup) {
    /** A stand-alone order: no parent, no OCA group. */
    public IntentDraft(String strategy, String strategyVersion, String strategySha256, Instrument instrument, Side side,
                       BigDecimal quantity, OrderType type, BigDecimal limitPrice, BigDecimal stopPrice, TimeInForce tif) {
        this(strategy, strategyVersion, strategySha256, instrument, side, quantity, type, limitPrice, stopPrice, tif, null, null);
    }

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
        if (ocaGroup != null && (ocaGroup.isBlank() || ocaGroup.length() > JournalSchema.MAX_OCA_GROUP))
            throw new IllegalArgumentException("OCA group name must be 1.." + JournalSchema.MAX_OCA_GROUP + " characters, was '"
                + ocaGroup + "'");
    }

    /** This draft as a leg of a bracket or OCA group. */
    public IntentDraft linked(ClientOrderId parent, String oca) {
        return new IntentDraft(strategy, strategyVersion, strategySha256, instrument, side, quantity, type, limitPrice, stopPrice,
            tif, parent, oca);
    }

    public static IntentDraft market(String strategy, String version, String sha, Instrument instrument, Side side,
                                     BigDecimal quantity) {
        return new IntentDraft(strategy, version, sha, instrument, side, quantity, OrderType.MKT, null, null, TimeInForce.DAY);
    }
}
