package io.ibex.framework.indicator;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Test-only readers for the real samples shipped in the data module. The framework must not depend on {@code data},
 * so the files are read by path (surefire runs in the module directory) with the simplest parsing that works.
 */
final class SampleData {
    private static final Path SAMPLES = Path.of("../data/src/main/resources/io/ibex/data/samples");
    private static final Pattern ETH_FIELD =
            Pattern.compile("\"(openPrice|highPrice|lowPrice|closePrice)\"\\s*:\\s*([-0-9.eE]+)");
    /** 5-minute buckets: the bar size the brief asks for when aggregating the BTC ticks. */
    private static final long BUCKET_SECONDS = 300;

    private SampleData() {
    }

    /** AAPL 2013 daily bars: {@code date,open,high,low,close,volume}. */
    static OhlcSeries aapl() {
        List<String> lines = lines("aapl-2013.csv");
        int n = lines.size() - 1;
        Columns c = new Columns(n);
        for (int i = 0; i < n; i++) {
            String[] cells = lines.get(i + 1).split(",");
            c.set(i, Double.parseDouble(cells[1]), Double.parseDouble(cells[2]),
                    Double.parseDouble(cells[3]), Double.parseDouble(cells[4]));
        }
        return c.series("aapl-2013");
    }

    /** ETH/USD 5-minute bars in Ta4j's JSON layout; every bar lists open, high, low and close in that order. */
    static OhlcSeries eth() {
        Matcher m = ETH_FIELD.matcher(text("eth-5m-2023.json"));
        double[] values = new double[4 * 100_000];
        int count = 0;
        while (m.find()) {
            values[count++] = Double.parseDouble(m.group(2));
        }
        if (count == 0 || count % 4 != 0) {
            throw new IllegalStateException("eth-5m-2023.json: expected 4 prices per bar, found " + count + " prices");
        }
        Columns c = new Columns(count / 4);
        for (int i = 0; i < count / 4; i++) {
            c.set(i, values[4 * i], values[4 * i + 1], values[4 * i + 2], values[4 * i + 3]);
        }
        return c.series("eth-5m-2023");
    }

    /** BTC ticks ({@code timestamp,price,amount}, seconds) aggregated into 5-minute OHLC bars (no empty bars). */
    static OhlcSeries btcFiveMinute() {
        List<String> lines = lines("btc-ticks-2013.csv");
        Columns c = new Columns(lines.size());
        int bars = -1;
        long bucket = Long.MIN_VALUE;
        for (int i = 1; i < lines.size(); i++) {
            String[] cells = lines.get(i).split(",");
            long b = Long.parseLong(cells[0]) / BUCKET_SECONDS;
            double price = Double.parseDouble(cells[1]);
            if (b != bucket) {
                bucket = b;
                bars++;
                c.set(bars, price, price, price, price);
            } else {
                c.high[bars] = Math.max(c.high[bars], price);
                c.low[bars] = Math.min(c.low[bars], price);
                c.close[bars] = price;
            }
        }
        return c.truncated(bars + 1).series("btc-5m-2013");
    }

    private static List<String> lines(String file) {
        try {
            return Files.readAllLines(SAMPLES.resolve(file));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String text(String file) {
        try {
            return Files.readString(SAMPLES.resolve(file));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static final class Columns {
        final double[] open;
        final double[] high;
        final double[] low;
        final double[] close;

        Columns(int n) {
            open = new double[n];
            high = new double[n];
            low = new double[n];
            close = new double[n];
        }

        void set(int i, double o, double h, double l, double c) {
            open[i] = o;
            high[i] = h;
            low[i] = l;
            close[i] = c;
        }

        Columns truncated(int n) {
            Columns t = new Columns(n);
            System.arraycopy(open, 0, t.open, 0, n);
            System.arraycopy(high, 0, t.high, 0, n);
            System.arraycopy(low, 0, t.low, 0, n);
            System.arraycopy(close, 0, t.close, 0, n);
            return t;
        }

        OhlcSeries series(String name) {
            return new OhlcSeries(name, open, high, low, close);
        }
    }
}
