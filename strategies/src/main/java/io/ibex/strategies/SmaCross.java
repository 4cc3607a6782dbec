package io.ibex.strategies;

import io.ibex.framework.indicator.Sma;
import io.ibex.framework.strategy.BarWindow;
import io.ibex.framework.strategy.Strategy;
import io.ibex.framework.strategy.StrategyContext;

/**
 * Long when the fast SMA of the close crosses above the slow one, flat when it crosses below.
 *
 * <p>Warm-up, chosen to match Ta4j 0.22.2's {@code CrossedUpIndicatorRule}/{@code CrossedDownIndicatorRule} over two
 * {@code SMAIndicator}s: Ta4j's {@code CrossIndicator} ignores every bar before both indicators are stable (index
 * {@code slow - 1}), so a cross needs the slow SMA full on the bar before and on the bar of the cross. Bars where the
 * two averages are equal do not end the previous relation: a cross is "fast above now, and fast below at the last
 * stable bar where they differed".
 */
public final class SmaCross implements Strategy {
    private final Sma fast;
    private final Sma slow;
    /** Sign of fast - slow at the last stable bar where they differed; 0 before any. */
    private int relation;

    public SmaCross(int fastPeriod, int slowPeriod) {
        if (fastPeriod >= slowPeriod)
            throw new IllegalArgumentException("fast period " + fastPeriod + " must be smaller than slow period " + slowPeriod);
        this.fast = new Sma(fastPeriod);
        this.slow = new Sma(slowPeriod);
    }

    @Override
    public void onBar(BarWindow closed, StrategyContext ctx) {
        double close = closed.close(0);
        double f = fast.update(close);
        double s = slow.update(close);
        if (!slow.isReady()) return;
        int now = f > s ? 1 : f < s ? -1 : 0;
        boolean crossedUp = now > 0 && relation < 0;
        boolean crossedDown = now < 0 && relation > 0;
        if (now != 0) relation = now;
        if (crossedUp) {
            ctx.enterLong(closed);
        } else if (crossedDown && ctx.position(closed.instrument()) > 0) {
            ctx.exit(closed.instrument());
        }
    }
}
