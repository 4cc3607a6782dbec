package io.ibex.framework.domain;

import java.util.Arrays;
import java.util.Objects;

/**
 * An immutable, columnar series of OHLCV bars for one instrument: one primitive array per field, so the engine
 * walks it without allocating and a bar costs 48 bytes.
 *
 * <p>Bar time (ADR 0006, docs/bar-time.md): a bar covers {@code [openTime, closeTime]} in epoch milliseconds.
 * {@link #time(int)} is its OPEN time (the trading day at 00:00 UTC for a daily row, the bucket start for ticks
 * aggregated to bars); {@link #closeTime(int)} is the last millisecond inside it, {@code openTime + period - 1}
 * (ta4j's and Binance's "end time"). Sources that label bars by their end are normalised once, where they produce
 * {@code Bars} (data's {@code BarTimes}), never in a parser. A strategy decides at the close ({@code ctx.now()}); a
 * market order fills at the next bar's open time. Times are strictly increasing. The period is the bar size: given
 * ({@link #withPeriod}) or the smallest gap between bars. Prices are doubles parsed from decimal text; exact decimals are recovered at the
 * order edge with {@code BigDecimal.valueOf(double)} (shortest representation), which round-trips every price a
 * decimal source can hold up to 15 significant digits.
 */
public final class Bars {
    private final Instrument instrument;
    private final String source;
    private final long[] time;
    private final double[] open, high, low, close, volume;
    private final long periodMillis;

    private Bars(Instrument instrument, String source, long[] time, double[] open, double[] high, double[] low,
                 double[] close, double[] volume) {
        this(instrument, source, time, open, high, low, close, volume, smallestGap(time));
    }

    private Bars(Instrument instrument, String source, long[] time, double[] open, double[] high, double[] low,
                 double[] close, double[] volume, long periodMillis) {
        this.instrument = instrument;
        this.source = source;
        this.time = time;
        this.periodMillis = periodMillis;
        this.open = open;
        this.high = high;
        this.low = low;
        this.close = close;
        this.volume = volume;
    }

    /** Wraps the given columns (copied) after checking they are consistent, sorted and valid bars. */
    public static Bars of(Instrument instrument, String source, long[] time, double[] open, double[] high,
                          double[] low, double[] close, double[] volume) {
        Objects.requireNonNull(instrument, "instrument");
        Objects.requireNonNull(source, "source");
        int n = time.length;
        if (open.length != n || high.length != n || low.length != n || close.length != n || volume.length != n)
            throw new IllegalArgumentException("bar columns of " + instrument + " have different lengths");
        for (int i = 0; i < n; i++) {
            if (i > 0 && time[i] <= time[i - 1])
                throw new IllegalArgumentException("bar " + i + " of " + instrument + " is not after bar " + (i - 1)
                    + " (times must be strictly increasing)");
            checkBar(instrument, i, open[i], high[i], low[i], close[i], volume[i]);
        }
        return new Bars(instrument, source, time.clone(), open.clone(), high.clone(), low.clone(), close.clone(),
            volume.clone());
    }

    static void checkBar(Instrument instrument, int i, double o, double h, double l, double c, double v) {
        if (!(l > 0) || !Double.isFinite(h) || h < l || o < l || o > h || c < l || c > h || !(v >= 0))
            throw new IllegalArgumentException("bar " + i + " of " + instrument + " is invalid: open=" + o + " high=" + h
                + " low=" + l + " close=" + c + " volume=" + v);
    }

    public static Builder builder(Instrument instrument, String source) { return new Builder(instrument, source); }

    public Instrument instrument() { return instrument; }
    /** Where the bars came from, e.g. {@code sample:aapl-2013} or a file path; shown in reports. */
    public String source() { return source; }
    public int size() { return time.length; }
    /** Bar {@code i}'s open time, epoch ms: the label the engine aligns, stores and fills market orders at. */
    public long time(int i) { return time[i]; }
    /** Bar {@code i}'s close time: its last millisecond, {@code time(i) + period - 1}; {@code ctx.now()} while it is handled. */
    public long closeTime(int i) { return time[i] + periodMillis - 1; }
    /** The bar size in milliseconds (1 for a single bar of unknown size). */
    public long periodMillis() { return periodMillis; }
    public double open(int i) { return open[i]; }
    public double high(int i) { return high[i]; }
    public double low(int i) { return low[i]; }
    public double close(int i) { return close[i]; }
    public double volume(int i) { return volume[i]; }

    /** Bars {@code [from, to)} as a new series (arrays copied). */
    public Bars slice(int from, int to) {
        Objects.checkFromToIndex(from, to, size());
        return new Bars(instrument, source, Arrays.copyOfRange(time, from, to), Arrays.copyOfRange(open, from, to),
            Arrays.copyOfRange(high, from, to), Arrays.copyOfRange(low, from, to), Arrays.copyOfRange(close, from, to),
            Arrays.copyOfRange(volume, from, to), periodMillis);
    }

    /** The same bars with a known bar size (e.g. ticks aggregated to 5 minutes, where a gap proves nothing). */
    public Bars withPeriod(long newPeriodMillis) {
        if (newPeriodMillis <= 0) throw new IllegalArgumentException("bar period must be positive, was " + newPeriodMillis + " ms");
        return new Bars(instrument, source, time, open, high, low, close, volume, newPeriodMillis);
    }

    /** The same bars with every time moved by {@code deltaMillis} (e.g. end labels to open times), order kept. */
    public Bars shiftTimes(long deltaMillis) {
        long[] shifted = new long[time.length];
        for (int i = 0; i < time.length; i++) shifted[i] = Math.addExact(time[i], deltaMillis);
        return new Bars(instrument, source, shifted, open, high, low, close, volume, periodMillis);
    }

    private static long smallestGap(long[] time) {
        long gap = Long.MAX_VALUE;
        for (int i = 1; i < time.length; i++) gap = Math.min(gap, time[i] - time[i - 1]);
        return gap == Long.MAX_VALUE ? 1 : gap;
    }

    /** The same columns under another instrument/source label (no copy of the arrays). */
    public Bars relabel(Instrument newInstrument, String newSource) {
        return new Bars(newInstrument, newSource, time, open, high, low, close, volume, periodMillis);
    }

    /** Appends bars one at a time; grows geometrically; validates on each append. */
    public static final class Builder {
        private final Instrument instrument;
        private final String source;
        private long[] time = new long[256];
        private double[] open = new double[256], high = new double[256], low = new double[256],
            close = new double[256], volume = new double[256];
        private int size;

        private Builder(Instrument instrument, String source) {
            this.instrument = Objects.requireNonNull(instrument, "instrument");
            this.source = Objects.requireNonNull(source, "source");
        }

        public Builder add(long t, double o, double h, double l, double c, double v) {
            if (size > 0 && t <= time[size - 1])
                throw new IllegalArgumentException("bar at " + t + " is not after the previous bar at " + time[size - 1]);
            checkBar(instrument, size, o, h, l, c, v);
            if (size == time.length) grow();
            time[size] = t; open[size] = o; high[size] = h; low[size] = l; close[size] = c; volume[size] = v;
            size++;
            return this;
        }

        public int size() { return size; }
        public long lastTime() { return size == 0 ? Long.MIN_VALUE : time[size - 1]; }

        private void grow() {
            int n = time.length * 2;
            time = Arrays.copyOf(time, n); open = Arrays.copyOf(open, n); high = Arrays.copyOf(high, n);
            low = Arrays.copyOf(low, n); close = Arrays.copyOf(close, n); volume = Arrays.copyOf(volume, n);
        }

        public Bars build() {
            return new Bars(instrument, source, Arrays.copyOf(time, size), Arrays.copyOf(open, size),
                Arrays.copyOf(high, size), Arrays.copyOf(low, size), Arrays.copyOf(close, size),
                Arrays.copyOf(volume, size));
        }
    }
}
