package io.ibex.live.runner;

import io.ibex.framework.domain.Instrument;
import io.ibex.framework.strategy.BarWindow;

/** The live {@link BarWindow}: a ring of the last {@code lookback} closed bars, allocated once. */
final class RingBarWindow implements BarWindow {
    private final Instrument instrument;
    private final long[] time;
    private final double[] open, high, low, close, volume;
    private int next, size;

    RingBarWindow(Instrument instrument, int lookback) {
        if (lookback < 1) throw new IllegalArgumentException("lookback must be >= 1, was " + lookback);
        this.instrument = instrument;
        time = new long[lookback];
        open = new double[lookback]; high = new double[lookback]; low = new double[lookback];
        close = new double[lookback]; volume = new double[lookback];
    }

    void append(long t, double o, double h, double l, double c, double v) {
        time[next] = t; open[next] = o; high[next] = h; low[next] = l; close[next] = c; volume[next] = v;
        next = (next + 1) % time.length;
        if (size < time.length) size++;
    }

    private int at(int barsAgo) {
        if (barsAgo < 0 || barsAgo >= size) throw new IndexOutOfBoundsException("barsAgo " + barsAgo + " of " + size + " closed bars");
        return Math.floorMod(next - 1 - barsAgo, time.length);
    }

    @Override public Instrument instrument() { return instrument; }
    @Override public int size() { return size; }
    @Override public long time(int barsAgo) { return time[at(barsAgo)]; }
    @Override public double open(int barsAgo) { return open[at(barsAgo)]; }
    @Override public double high(int barsAgo) { return high[at(barsAgo)]; }
    @Override public double low(int barsAgo) { return low[at(barsAgo)]; }
    @Override public double close(int barsAgo) { return close[at(barsAgo)]; }
    @Override public double volume(int barsAgo) { return volume[at(barsAgo)]; }
}
