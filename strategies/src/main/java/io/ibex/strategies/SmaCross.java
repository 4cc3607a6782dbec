package io.ibex.strategies;

import io.ibex.framework.indicator.IndicatorCache;
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
    /** The averages of a whole recorded series, shared with other runs over it, or null (then {@link #fast}/{@link #slow}). */
    private final double[] fastColumn, slowColumn;
    private final int slowPeriod;
    /** Index of the current bar in the series. */
    private int bar = -1;
    /** Sign of fast - slow at the last stable bar where they differed; 0 before any. */
    private int relation;

    public SmaCross(int fastPeriod, int slowPeriod) {
        this(fastPeriod, slowPeriod, null, null);
    }

    private SmaCross(int fastPeriod, int slowPeriod, double[] fastColumn, double[] slowColumn) {
        if (fastPeriod >= slowPeriod)
            throw new IllegalArgumentException("fast period " + fastPeriod + " must be smaller than slow period " + slowPeriod);
        boolean shared = fastColumn != null && slowColumn != null;
        this.fast = shared ? null : new Sma(fastPeriod);
        this.slow = shared ? null : new Sma(slowPeriod);
        this.fastColumn = shared ? fastColumn : null;
        this.slowColumn = shared ? slowColumn : null;
        this.slowPeriod = slowPeriod;
    }

    /**
     * The same strategy reading the averages of the series it will run over from {@code shared} (a sweep computes
     * each period once), or computing them itself when the cache has no room.
     */
    public static SmaCross over(IndicatorCache shared, int fastPeriod, int slowPeriod) {
        return new SmaCross(fastPeriod, slowPeriod, shared.smaOfClose(fastPeriod), shared.smaOfClose(slowPeriod));
    }

    @Override
    public void onBar(BarWindow closed, StrategyContext ctx) {
        bar++;
        double f, s;
        if (fastColumn != null) {
            f = fastColumn[bar];
            s = slowColumn[bar];
            if (bar < slowPeriod - 1) return;          // Sma.isReady() after `period` values
        } else {
            double close = closed.close(0);
            f = fast.update(close);
            s = slow.update(close);
            if (!slow.isReady()) return;
        }
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
