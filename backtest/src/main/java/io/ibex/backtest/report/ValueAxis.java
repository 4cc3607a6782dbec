package io.ibex.backtest.report;

import java.util.Locale;

/**
 * A value axis stretched to round ticks: the step is 1, 2, 2.5 or 5 times a power of ten, the smallest that gives at
 * most seven ticks; the range then grows to the enclosing ticks, which leaves five to seven of them.
 */
record ValueAxis(double min, double max, double step) {
    private static final double[] FACTORS = {1, 2, 2.5, 5};
    private static final int MAX_TICKS = 7;

    static ValueAxis of(double lo, double hi) {
        if (!Double.isFinite(lo) || !Double.isFinite(hi)) return new ValueAxis(0, 1, 0.2);
        if (!(hi > lo)) {
            double pad = lo == 0 ? 1 : Math.abs(lo) * 0.01;
            lo -= pad;
            hi += pad;
        }
        double pow = Math.pow(10, Math.floor(Math.log10((hi - lo) / 10)));
        for (int k = 0; ; k++) {
            double step = FACTORS[k % FACTORS.length] * pow * Math.pow(10, k / FACTORS.length);
            double min = Math.floor(lo / step + 1e-9) * step, max = Math.ceil(hi / step - 1e-9) * step;
            if (Math.round((max - min) / step) + 1 <= MAX_TICKS) return new ValueAxis(min, max, step);
        }
    }

    int ticks() { return (int) Math.round((max - min) / step) + 1; }

    double tick(int k) { return min + k * step; }

    /** A tick value with as many decimals as the step needs, grouped: {@code 100,000}, {@code 0.25}. */
    String label(double v, boolean percent) {
        double s = percent ? step * 100 : step, x = percent ? v * 100 : v;
        int decimals = 0;
        while (decimals < 8 && Math.abs(s * Math.pow(10, decimals) - Math.rint(s * Math.pow(10, decimals))) > 1e-6) decimals++;
        String text = String.format(Locale.ROOT, "%,." + decimals + "f", Math.abs(x) < s * 1e-9 ? 0.0 : x);
        return percent ? text + "%" : text;
    }
}
