package io.ibex.data;

import io.ibex.framework.domain.Bars;
import io.ibex.framework.error.DataException;

/** Bars converted to the store's representation before any row is written, so a bad price fails the import early. */
record StagedBars(long[] time, long[] open, long[] high, long[] low, long[] close, double[] volume) {
    static StagedBars of(Bars bars) {
        int n = bars.size();
        long[] t = new long[n], o = new long[n], h = new long[n], l = new long[n], c = new long[n];
        double[] v = new double[n];
        for (int i = 0; i < n; i++) {
            t[i] = bars.time(i);
            try {
                o[i] = PriceScale.toRaw(bars.open(i));
                h[i] = PriceScale.toRaw(bars.high(i));
                l[i] = PriceScale.toRaw(bars.low(i));
                c[i] = PriceScale.toRaw(bars.close(i));
            } catch (ArithmeticException e) {
                throw new DataException(bars.source() + ": bar at " + Cells.instant(t[i]) + ": " + e.getMessage());
            }
            v[i] = bars.volume(i);
        }
        return new StagedBars(t, o, h, l, c, v);
    }

    int size() { return time.length; }

    boolean sameAs(int i, long o, long h, long l, long c, double v) {
        return open[i] == o && high[i] == h && low[i] == l && close[i] == c
            && Double.doubleToLongBits(volume[i]) == Double.doubleToLongBits(v);
    }
}
