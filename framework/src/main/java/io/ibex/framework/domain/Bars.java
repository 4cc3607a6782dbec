package io.ibex.framework.domain;

import java.util.Arrays;
import java.util.Objects;

/**
 * An immutable, columnar series of OHLCV bars for one instrument: one primitive array per field, so the engine
 * walks it without allocating and a bar costs 48 bytes.
 *
 * <p>{@code time} is the bar's timestamp in epoch milliseconds as its source labels it (the trading day at 00:00 UTC
 * for daily CSV rows, the bucket start for ticks aggregated to bars, the end time for ta4j JSON bars).
 * Times are strictly increasing. Prices are doubles parsed from decimal text; exact decimals are recovered at the
 * order edge with {@code BigDecimal.valueOf(double)} (shortest representation), which round-trips every price a
 * decimal source can hold up to 15 significant digits.
 */
public final class Bars {
    private final Instrument instrument;
    private final String source;
    private final long[] time;
    private final double[] open, high, low, close, volume;

    private Bars(Instrument instrument, String source, long[] time, double[] open, double[] high, double[] low,
                 double[] close, double[] volume) {
        this.instrument = instrument;
        this.source = source;
        this.time = time;
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
    public long time(int i) { return time[i]; }
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
            Arrays.copyOfRange(volume, from, to));
    }

    /** The same columns under another instrument/source label (no copy of the arrays). */
    public Bars relabel(Instrument newInstrument, String newSource) {
        return new Bars(newInstrument, newSource, time, open, high, low, close, volume);
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
