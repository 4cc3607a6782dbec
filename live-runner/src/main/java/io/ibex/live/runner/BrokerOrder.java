package io.ibex.live.runner;

import io.ibex.framework.domain.Instrument;
import io.ibex.framework.domain.Side;
import io.ibex.framework.event.OrderStatus;

import java.math.BigDecimal;
import java.util.Objects;

/**
 * An order as the gateway lists it ({@code /iserver/account/orders}).
 *
 * @param orderRef      the cOID ({@code order_ref}); null or another prefix for foreign orders (and for a bracket's
 *                      children, which carry no cOID on the wire)
 * @param updatedMillis when the venue last changed the order (a cancel's time), epoch ms; 0 when it does not say
 */
public record BrokerOrder(String brokerOrderId, String orderRef, Instrument instrument, Side side, BigDecimal quantity,
                          BigDecimal filledQuantity, OrderStatus status, long updatedMillis) {
    public BrokerOrder(String brokerOrderId, String orderRef, Instrument instrument, Side side, BigDecimal quantity,
                       BigDecimal filledQuantity, OrderStatus status) {
        this(brokerOrderId, orderRef, instrument, side, quantity, filledQuantity, status, 0);
    }

    public BrokerOrder {
        Objects.requireNonNull(brokerOrderId, "brokerOrderId");
        Objects.requireNonNull(instrument, "instrument");
        Objects.requireNonNull(side, "side");
        Objects.requireNonNull(quantity, "quantity");
        Objects.requireNonNull(filledQuantity, "filledQuantity");
        Objects.requireNonNull(status, "status");
    }

    public BigDecimal remaining() { return quantity.subtract(filledQuantity).max(BigDecimal.ZERO); }
}
