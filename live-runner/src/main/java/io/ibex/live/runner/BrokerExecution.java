package io.ibex.live.runner;

import io.ibex.framework.domain.Instrument;
import io.ibex.framework.domain.Side;

import java.math.BigDecimal;
import java.util.Objects;

/**
 * One execution as {@code /iserver/account/trades} lists it; {@code orderRef} is the cOID for our orders, empty for a
 * bracket child (no cOID on the wire), which {@code brokerOrderId} (null when the venue does not say) identifies.
 */
public record BrokerExecution(String executionId, String orderRef, Instrument instrument, Side side, BigDecimal quantity,
                              BigDecimal price, BigDecimal commission, long timeMillis, String brokerOrderId) {
    public BrokerExecution(String executionId, String orderRef, Instrument instrument, Side side, BigDecimal quantity,
                           BigDecimal price, BigDecimal commission, long timeMillis) {
        this(executionId, orderRef, instrument, side, quantity, price, commission, timeMillis, null);
    }

    public BrokerExecution {
        Objects.requireNonNull(executionId, "executionId");
        Objects.requireNonNull(instrument, "instrument");
        Objects.requireNonNull(side, "side");
        Objects.requireNonNull(quantity, "quantity");
        Objects.requireNonNull(price, "price");
        Objects.requireNonNull(commission, "commission");
    }
}
