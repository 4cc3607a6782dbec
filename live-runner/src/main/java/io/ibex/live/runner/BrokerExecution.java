package io.ibex.live.runner;

import io.ibex.framework.domain.Instrument;
import io.ibex.framework.domain.Side;

import java.math.BigDecimal;
import java.util.Objects;

/** One execution as {@code /iserver/account/trades} lists it; {@code orderRef} is the cOID for our orders. */
public record BrokerExecution(String executionId, String orderRef, Instrument instrument, Side side, BigDecimal quantity,
                              BigDecimal price, BigDecimal commission, long timeMillis) {
    public BrokerExecution {
        Objects.requireNonNull(executionId, "executionId");
        Objects.requireNonNull(instrument, "instrument");
        Objects.requireNonNull(side, "side");
        Objects.requireNonNull(quantity, "quantity");
        Objects.requireNonNull(price, "price");
        Objects.requireNonNull(commission, "commission");
    }
}
