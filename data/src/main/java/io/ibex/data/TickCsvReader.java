package io.ibex.data;

import io.ibex.framework.domain.Bars;
import io.ibex.framework.domain.Instrument;
import io.ibex.framework.error.DataException;

import java.io.IOException;
import java.io.InputStream;
import java.time.Duration;
import java.util.List;

/**
 * Reads trade ticks ({@code timestamp,price,amount}) and aggregates them into bars of a fixed size: a tick at time t
 * falls in bucket {@code floor(t / size)}; the bar's time is the bucket start; open/close are the first/last price,
 * volume the sum of amounts. Buckets without ticks produce no bar. Ticks may share a timestamp but not go backwards.
 */
public final class TickCsvReader {
    private TickCsvReader() {}

    public static Bars read(InputStream in, String label, Instrument instrument, String source, Duration barSize,
                            BadRows bad) throws IOException {
        Bars.Builder out = Bars.builder(instrument, source);
        stream(in, label, barSize, bad, (line, t, o, h, l, c, v) -> out.add(t, o, h, l, c, v));
        return out.build();
    }

    /**
     * Reads ticks from bytes (UTF-8) and hands each finished bar to {@code sink}, with the line of its last tick.
     *
     * @return the number of bars handed to the sink (at least one; no valid tick is an error)
     */
    public static long stream(InputStream in, String label, Duration barSize, BadRows bad, BarSink sink)
            throws IOException {
        long size = barSize.toMillis();
        if (size <= 0) throw new DataException("bar size " + barSize + " must be at least 1 ms");
        ByteLines lines = new ByteLines(in);
        if (!lines.next()) throw new DataException(label + ": the file is empty (expected timestamp,price,amount)");
        String first = lines.text();
        char delimiter = CsvLayout.detectDelimiter(first);
        List<String> firstCells = CsvLayout.split(first, delimiter);
        Header header = new Header(firstCells);
        boolean hasHeader = header.looksLikeHeader();
        int time = 0, price = 1, amount = 2, count = firstCells.size();
        if (hasHeader) {
            time = header.find(Header.TIME);
            price = header.find(Header.PRICE);
            amount = header.find(Header.AMOUNT);
            if (time < 0 || price < 0 || amount < 0)
                throw new DataException(label + ":" + lines.number() + ": tick header lacks column(s)"
                    + (time < 0 ? " timestamp" : "") + (price < 0 ? " price" : "") + (amount < 0 ? " amount" : "")
                    + " (accepted names: timestamp/time/date, price, amount/size/volume)");
        } else if (count != 3) {
            throw new DataException(label + ":" + lines.number() + ": no header and " + count + " columns; add the"
                + " header timestamp,price,amount");
        }
        Aggregator agg = new Aggregator(sink, size);
        int[] from = new int[count], to = new int[count];
        long lastTime = Long.MIN_VALUE, lastLine = 0;
        for (boolean more = !hasHeader || lines.next(); more; more = lines.next()) {
            long n = lines.number();
            if (lines.tooLong() != null) {
                bad.reject(label, n, lines.text(), lines.tooLong());
                continue;
            }
            byte[] b = lines.buf();
            int cells = CsvLayout.split(b, lines.start(), lines.end(), (byte) delimiter, from, to);
            if (cells != count) {
                bad.reject(label, n, lines.text(), "has " + cells + " columns, expected " + count);
                continue;
            }
            long t;
            double p, a;
            try {
                t = Cells.time("timestamp", b, from[time], to[time]);
                p = Cells.number("price", b, from[price], to[price]);
                a = Cells.number("amount", b, from[amount], to[amount]);
            } catch (Cells.BadCell e) {
                bad.reject(label, n, lines.text(), e.getMessage());
                continue;
            }
            String problem = !(p > 0) ? "price " + p + " is not a positive price"
                : a < 0 ? "amount " + a + " is negative"
                : t < lastTime ? "time " + Cells.instant(t) + " goes backwards (line " + lastLine + " has "
                    + Cells.instant(lastTime) + "; ticks must be sorted by time)"
                : null;
            if (problem != null) {
                bad.reject(label, n, lines.text(), problem);
                continue;
            }
            lastTime = t;
            lastLine = n;
            agg.add(n, t, p, a);
        }
        long bars = agg.finish();
        if (bars == 0) throw new DataException(label + ": no valid ticks in the file");
        return bars;
    }

    /** The bar being built; flushed to the builder when a tick lands in a later bucket. */
    private static final class Aggregator {
        private final BarSink sink;
        private final long size;
        private long bucket = Long.MIN_VALUE, line, bars;
        private double open, high, low, close, volume;

        Aggregator(BarSink sink, long size) {
            this.sink = sink;
            this.size = size;
        }

        void add(long n, long t, double price, double amount) {
            long b = Math.floorDiv(t, size);
            if (b != bucket) {
                flush();
                bucket = b;
                open = high = low = price;
                volume = 0;
            }
            if (price > high) high = price;
            if (price < low) low = price;
            close = price;
            volume += amount;
            line = n;
        }

        private void flush() {
            if (bucket == Long.MIN_VALUE) return;
            sink.bar(line, bucket * size, open, high, low, close, volume);
            bars++;
        }

        /** Flushes the last bar; the number of bars made. */
        long finish() {
            flush();
            bucket = Long.MIN_VALUE;
            return bars;
        }
    }
}
