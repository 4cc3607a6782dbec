package io.ibex.framework.error;

import java.time.Instant;

/**
 * A strategy (shipped or from a plugin) threw while it handled a bar or an order event. The message names the
 * strategy, the time of the bar it was handling and what it threw; the CLI exits with its own code for it (5).
 */
public class StrategyFailedException extends IbexException {
    private final String strategy;
    private final long barTimeMillis;

    public StrategyFailedException(String strategy, long barTimeMillis, RuntimeException cause) {
        super("strategy " + strategy + " failed at bar " + Instant.ofEpochMilli(barTimeMillis) + ": "
            + cause.getClass().getSimpleName() + (cause.getMessage() == null ? "" : ": " + cause.getMessage()), cause);
        this.strategy = strategy;
        this.barTimeMillis = barTimeMillis;
    }

    public String strategy() { return strategy; }

    public long barTimeMillis() { return barTimeMillis; }
}
