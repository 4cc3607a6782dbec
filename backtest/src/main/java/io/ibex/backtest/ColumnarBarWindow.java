package io.ibex.backtest;

import io.ibex.framework.domain.Bars;
import io.ibex.framework.domain.Instrument;
import io.ibex.framework.strategy.BarWindow;

/**
 * The one {@link BarWindow} of a run: a flyweight over the columns of {@link Bars} that the engine moves forward bar by
 * bar. It never shows a bar after {@link #current}, so a strategy cannot look ahead.
 */
final class ColumnarBarWindow implements BarWindow {
    private final Bars bars;
    private final int lookback;
    private int current = -1;

    ColumnarBarWindow(Bars bars, int lookback) {
        this.bars = bars;
        this.lookback = Math.max(1, lookback);
    }

    void moveTo(int index) { current = index; }

    private int at(int barsAgo) {
        if (barsAgo < 0 || barsAgo >= size())
            throw new IndexOutOfBoundsException("barsAgo " + barsAgo + " outside the window of " + size()
                + " closed bars (raise Strategy.lookback() to see further back)");
        return current - barsAgo;
    }

    @Override public Instrument instrument() { return bars.instrument(); }
    @Override public int size() { return Math.min(current + 1, lookback); }
    @Override public long time(int barsAgo) { return bars.time(at(barsAgo)); }
    @Override public double open(int barsAgo) { return bars.open(at(barsAgo)); }
    @Override public double high(int barsAgo) { return bars.high(at(barsAgo)); }
    @Override public double low(int barsAgo) { return bars.low(at(barsAgo)); }
    @Override public double close(int barsAgo) { return bars.close(at(barsAgo)); }
    @Override public double volume(int barsAgo) { return bars.volume(at(barsAgo)); }
}
