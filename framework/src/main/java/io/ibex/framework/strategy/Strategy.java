package io.ibex.framework.strategy;

import io.ibex.framework.event.OrderEvent;

/**
 * A trading strategy. The same object runs in the backtest engine and in the live runner: it sees closed bars through
 * a {@link BarWindow} and acts only through its {@link StrategyContext}. One instance serves one run; its indicators
 * are its own state, updated in {@link #onBar}.
 */
public interface Strategy {
    /** How many closed bars {@link BarWindow} keeps for this strategy (the live runner sizes its ring buffer by it). */
    default int lookback() { return 1; }

    /** Called once per closed bar of each subscribed instrument, in time order. */
    void onBar(BarWindow closed, StrategyContext ctx);

    /** Called for every event of an order this strategy placed (fills, cancels, rejections). */
    default void onOrderEvent(OrderEvent event, StrategyContext ctx) {}
}
