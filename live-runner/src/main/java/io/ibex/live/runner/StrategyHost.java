package io.ibex.live.runner;

import io.ibex.framework.event.OrderEvent;
import io.ibex.framework.strategy.BarWindow;
import io.ibex.framework.strategy.Strategy;
import io.ibex.framework.strategy.StrategyContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs one strategy with its errors isolated (F30): an exception is logged and counted, the runner carries on; after
 * {@link #MAX_CONSECUTIVE_ERRORS} in a row the strategy is FAILED and never called again (its working orders are then
 * cancelled by the runner). One good call resets the count.
 */
public final class StrategyHost {
    public static final int MAX_CONSECUTIVE_ERRORS = 3;
    private static final Logger log = LoggerFactory.getLogger(StrategyHost.class);

    private final String name;
    private final Strategy strategy;
    private int consecutiveErrors;
    private boolean failed;
    private String failure;

    public StrategyHost(String name, Strategy strategy) {
        this.name = name;
        this.strategy = strategy;
    }

    public boolean failed() { return failed; }

    /**
     * Why the strategy is FAILED, for the user and exit code 5: the strategy, the bar it failed on and the last
     * exception's message, e.g. {@code strategy sma-cross FAILED at the bar closing 2023-03-13T22:14:59.999Z after 3
     * consecutive errors: IllegalStateException: boom}; null while it runs.
     */
    public String failure() { return failure; }

    public int lookback() { return Math.max(1, strategy.lookback()); }

    /** @return false when the strategy is (now) FAILED */
    public boolean onBar(BarWindow w, StrategyContext ctx) { return call(() -> strategy.onBar(w, ctx), ctx); }

    public boolean onOrderEvent(OrderEvent e, StrategyContext ctx) { return call(() -> strategy.onOrderEvent(e, ctx), ctx); }

    private boolean call(Runnable r, StrategyContext ctx) {
        if (failed) return false;
        try {
            r.run();
            consecutiveErrors = 0;
            return true;
        } catch (RuntimeException e) {
            consecutiveErrors++;
            log.error("strategy {} threw ({} in a row): {}", name, consecutiveErrors, e.toString());
            if (consecutiveErrors >= MAX_CONSECUTIVE_ERRORS) {
                failed = true;
                failure = "strategy " + name + " FAILED at the bar closing " + java.time.Instant.ofEpochMilli(ctx.now()) + " after "
                    + consecutiveErrors + " consecutive errors: " + e.getClass().getSimpleName() + ": " + e.getMessage();
                log.error("strategy {} is FAILED after {} consecutive errors; no more orders from it", name, consecutiveErrors);
            }
            return !failed;
        }
    }
}
