package io.ibex.framework.domain;

import java.math.BigDecimal;
import java.util.Objects;

/**
 * One order as it goes to a broker. Prices and quantities are exact decimals.
 *
 * @param limitPrice limit for LMT and STOP_LIMIT, else null
 * @param stopPrice  trigger for STP and STOP_LIMIT, else null
 * @param parentId   the parent order of a bracket child, else null
 * @param ocaGroup   one-cancels-all group name, else null
 */
public record OrderRequest(ClientOrderId id, Instrument instrument, Side side, BigDecimal quantity,
                           OrderType type, BigDecimal limitPrice, BigDecimal stopPrice, TimeInForce tif,
                           ClientOrderId parentId, String ocaGroup) {
    public OrderRequest {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(instrument, "instrument");
        Objects.requireNonNull(side, "side");
        Objects.requireNonNull(quantity, "quantity");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(tif, "tif");
        if (quantity.signum() <= 0)
            throw new IllegalArgumentException("order " + id + ": quantity must be positive, was " + quantity);
        boolean needsLimit = type == OrderType.LMT || type == OrderType.STOP_LIMIT;
        boolean needsStop = type == OrderType.STP || type == OrderType.STOP_LIMIT;
        if (needsLimit != (limitPrice != null))
            throw new IllegalArgumentException("order " + id + ": " + type + (needsLimit ? " needs" : " takes no") + " limit price");
        if (needsStop != (stopPrice != null))
            throw new IllegalArgumentException("order " + id + ": " + type + (needsStop ? " needs" : " takes no") + " stop price");
        if (limitPrice != null && limitPrice.signum() <= 0)
            throw new IllegalArgumentException("order " + id + ": limit price must be positive, was " + limitPrice);
        if (stopPrice != null && stopPrice.signum() <= 0)
            throw new IllegalArgumentException("order " + id + ": stop price must be positive, was " + stopPrice);
    }

    public static OrderRequest market(ClientOrderId id, Instrument instrument, Side side, BigDecimal quantity) {
        return new OrderRequest(id, instrument, side, quantity, OrderType.MKT, null, null, TimeInForce.DAY, null, null);
    }

    /** Signed quantity: positive for BUY, negative for SELL. */
    public BigDecimal signedQuantity() { return side == Side.BUY ? quantity : quantity.negate(); }
}
