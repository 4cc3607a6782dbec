package io.ibex.strategies;

import io.ibex.framework.domain.ClientOrderId;
import io.ibex.framework.domain.OrderType;
import io.ibex.framework.domain.Side;
import io.ibex.framework.domain.TimeInForce;
import io.ibex.framework.strategy.BarWindow;
import io.ibex.framework.strategy.Strategy;
import io.ibex.framework.strategy.StrategyContext;

/**
 * Breakout with a bracket: while flat, a DAY buy stop sits at the highest high of the last {@code lookback} bars; once
 * it fills, a take-profit limit (rounded to cents) {@code takeProfitPct}% above the stop and a stop-loss {@code stopLossPct}% below it
 * work as one OCO pair. Which exit a bar that spans both reaches first is the engine's intrabar-path assumption, so
 * this strategy is the one that shows a non-zero {@code --path-range}.
 */
public final class BreakoutBracket implements Strategy {
    private final int lookback;
    private final double takeProfit, stopLoss;
    private ClientOrderId entry;

    public BreakoutBracket(int lookback, double takeProfitPct, double stopLossPct) {
        this.lookback = lookback;
        this.takeProfit = takeProfitPct / 100;
        this.stopLoss = stopLossPct / 100;
    }

    @Override public int lookback() { return lookback; }

    @Override
    public void onBar(BarWindow closed, StrategyContext ctx) {
        if (closed.size() < lookback) return;
        if (ctx.position(closed.instrument()) != 0) return; // the bracket's exits are working
        if (entry != null && ctx.isWorking(entry)) return;  // today's entry stop is still waiting
        double high = closed.high(0);
        for (int k = 1; k < lookback; k++) high = Math.max(high, closed.high(k));
        double quantity = ctx.sizeFor(closed.instrument(), high);
        if (!(quantity > 0)) return;
        entry = ctx.bracket(closed.instrument(), Side.BUY, quantity, OrderType.STP, Double.NaN, high,
            cents(high * (1 + takeProfit)), cents(high * (1 - stopLoss)), TimeInForce.DAY).entry();
    }

    /** Exit prices on a cent grid, as a trader would type them. */
    private static double cents(double price) { return Math.round(price * 100) / 100.0; }
}
