package io.ibex.framework.strategy;

import io.ibex.framework.domain.ClientOrderId;

import java.util.Objects;

/** The three orders of a bracket: the entry, then a take-profit limit and a stop-loss stop that cancel each other. */
public record BracketIds(ClientOrderId entry, ClientOrderId takeProfit, ClientOrderId stopLoss) {
    public BracketIds {
        Objects.requireNonNull(entry, "entry");
        Objects.requireNonNull(takeProfit, "takeProfit");
        Objects.requireNonNull(stopLoss, "stopLoss");
    }
}
