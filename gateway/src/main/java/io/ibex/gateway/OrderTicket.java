package io.ibex.gateway;

import io.ibex.framework.domain.OrderType;
import io.ibex.framework.domain.Side;
import io.ibex.framework.domain.TimeInForce;

import java.math.BigDecimal;
import java.util.Objects;

/**
 * One order as the gateway wants it. {@code price} is the limit for LMT/STOP_LIMIT and the stop for STP;
 * {@code auxPrice} is the STOP_LIMIT trigger. Modify resends the whole ticket with the changes applied.
 *
 * @param clientOrderId our {@code cOID}, or null (e.g. on modify)
 */
public record OrderTicket(String accountId, long conid, Side side, BigDecimal quantity, OrderType type,
                          BigDecimal price, BigDecimal auxPrice, TimeInForce tif, String clientOrderId, boolean outsideRth) {
    public OrderTicket {
        Objects.requireNonNull(accountId, "accountId");
        Objects.requireNonNull(side, "side");
        Objects.requireNonNull(quantity, "quantity");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(tif, "tif");
        if (quantity.signum() <= 0) throw new IllegalArgumentException("quantity must be positive, was " + quantity);
        boolean needsPrice = type != OrderType.MKT;
        if (needsPrice && price == null) throw new IllegalArgumentException(type + " needs a price (--price)");
        if (type == OrderType.STOP_LIMIT && auxPrice == null)
            throw new IllegalArgumentException("STOP_LIMIT needs a stop trigger (--aux)");
    }

    public OrderTicket withPrice(BigDecimal newPrice) {
        return new OrderTicket(accountId, conid, side, quantity, type, newPrice, auxPrice, tif, clientOrderId, outsideRth);
    }

    public OrderTicket withQuantity(BigDecimal newQuantity) {
        return new OrderTicket(accountId, conid, side, newQuantity, type, price, auxPrice, tif, clientOrderId, outsideRth);
    }

    public OrderTicket withAuxPrice(BigDecimal newAux) {
        return new OrderTicket(accountId, conid, side, quantity, type, price, newAux, tif, clientOrderId, outsideRth);
    }

    public OrderTicket withTif(TimeInForce newTif) {
        return new OrderTicket(accountId, conid, side, quantity, type, price, auxPrice, newTif, clientOrderId, outsideRth);
    }
}
