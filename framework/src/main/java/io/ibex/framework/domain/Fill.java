package io.ibex.framework.domain;

import java.math.BigDecimal;
import java.util.Objects;

/**
 * One execution. {@code executionId} is unique per broker and makes applying a fill idempotent.
 *
 * @param timeMillis epoch milliseconds of the execution (in a backtest: the time of the bar it filled on)
 */
public record Fill(String executionId, ClientOrderId orderId, Instrument instrument, Side side,
                   BigDecimal quantity, BigDecimal price, BigDecimal commission, long timeMillis) {
    public Fill {
        Objects.requireNonNull(executionId, "executionId");
        Objects.requireNonNull(orderId, "orderId");
        Objects.requireNonNull(instrument, "instrument");
        Objects.requireNonNull(side, "side");
        Objects.requireNonNull(quantity, "quantity");
        Objects.requireNonNull(price, "price");
        Objects.requireNonNull(commission, "commission");
        if (quantity.signum() <= 0) throw new IllegalArgumentException("fill " + executionId + ": quantity must be positive");
        if (price.signum() <= 0) throw new IllegalArgumentException("fill " + executionId + ": price must be positive");
        if (commission.signum() < 0) throw new IllegalArgumentException("fill " + executionId + ": commission must not be negative");
    }

    public BigDecimal signedQuantity() { return side == Side.BUY ? quantity : quantity.negate(); }
}
