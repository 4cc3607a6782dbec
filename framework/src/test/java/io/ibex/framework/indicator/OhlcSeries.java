package io.ibex.framework.indicator;

import java.util.SplittableRandom;

/** Plain OHLC columns for indicator tests (the framework's {@code Bars} is not needed to feed indicators). */
record OhlcSeries(String name, double[] open, double[] high, double[] low, double[] close) {

    int size() {
        return close.length;
    }

    /** Random walk around 100 with a high/low envelope, from a fixed seed so failures reproduce. */
    static OhlcSeries randomWalk(long seed, int n) {
        SplittableRandom random = new SplittableRandom(seed);
        double[] open = new double[n];
        double[] high = new double[n];
        double[] low = new double[n];
        double[] close = new double[n];
        double last = 100;
        for (int i = 0; i < n; i++) {
            open[i] = last;
            close[i] = Math.max(1, last + random.nextDouble(-1, 1));
            high[i] = Math.max(open[i], close[i]) + random.nextDouble(0, 0.5);
            low[i] = Math.min(open[i], close[i]) - random.nextDouble(0, 0.5);
            last = close[i];
        }
        return new OhlcSeries("random-walk-" + seed, open, high, low, close);
    }
}
