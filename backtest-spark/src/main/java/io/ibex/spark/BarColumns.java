package io.ibex.spark;

import io.ibex.framework.domain.Bars;
import io.ibex.framework.domain.Instrument;

import java.io.Serializable;

/** The columns of a {@link Bars}, serializable, to broadcast once to every executor. */
record BarColumns(String symbol, String currency, String source, long[] time, double[] open, double[] high,
                  double[] low, double[] close, double[] volume) implements Serializable {
    static BarColumns of(Bars b) {
        int n = b.size();
        long[] t = new long[n];
        double[] o = new double[n], h = new double[n], l = new double[n], c = new double[n], v = new double[n];
        for (int i = 0; i < n; i++) {
            t[i] = b.time(i);
            o[i] = b.open(i);
            h[i] = b.high(i);
            l[i] = b.low(i);
            c[i] = b.close(i);
            v[i] = b.volume(i);
        }
        return new BarColumns(b.instrument().symbol(), b.instrument().currency(), b.source(), t, o, h, l, c, v);
    }

    Bars toBars() {
        return Bars.of(new Instrument(symbol, currency), source, time, open, high, low, close, volume);
    }
}
