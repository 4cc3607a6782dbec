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
    /**
     * Averages this close (relative) count as equal. Decimal prices often tie exactly (flat bars, c0 == (c1 + c2) / 2),
     * and Ta4j's default DecimalNum sees those ties; binary sums can miss them by ~1e-14. A true difference between two
     * averages of 2-decimal prices over periods up to 1000 is far larger than 1e-12 of the price.
     */
    private static final double TIE_RELATIVE = 1e-12;

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
        double tie = TIE_RELATIVE * Math.abs(s);
        int now = f - s > tie ? 1 : s - f > tie ? -1 : 0;
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
