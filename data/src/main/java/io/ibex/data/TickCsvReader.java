package io.ibex.data;

import io.ibex.framework.domain.Bars;
import io.ibex.framework.domain.Instrument;
import io.ibex.framework.error.DataException;

import java.io.BufferedReader;
import java.io.IOException;
import java.time.Duration;
import java.util.List;

/**
 * Reads trade ticks ({@code timestamp,price,amount}) and aggregates them into bars of a fixed size: a tick at time t
 * falls in bucket {@code floor(t / size)}; the bar's time is the bucket start; open/close are the first/last price,
 * volume the sum of amounts. Buckets without ticks produce no bar. Ticks may share a timestamp but not go backwards.
 */
public final class TickCsvReader {
    private TickCsvReader() {}

    public static Bars read(BufferedReader in, String label, Instrument instrument, String source, Duration barSize,
                            BadRows bad) throws IOException {
        long size = barSize.toMillis();
        if (size <= 0) throw new DataException("bar size " + barSize + " must be at least 1 ms");
        Lines lines = new Lines(in);
        String first = lines.next();
        if (first == null) throw new DataException(label + ": the file is empty (expected timestamp,price,amount)");
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
        Aggregator agg = new Aggregator(Bars.builder(instrument, source), size);
        long lastTime = Long.MIN_VALUE, lastLine = 0;
        for (String line = hasHeader ? lines.next() : first; line != null; line = lines.next()) {
            long n = lines.number();
            if (Lines.tooLong(line) != null) {
                bad.reject(label, n, Lines.excerpt(line), Lines.tooLong(line));
                continue;
            }
            List<String> cells = CsvLayout.split(line, delimiter);
            if (cells.size() != count) {
                bad.reject(label, n, line, "has " + cells.size() + " columns, expected " + count);
                continue;
            }
            long t;
            double p, a;
            try {
                t = Cells.time("timestamp", cells.get(time));
                p = Cells.number("price", cells.get(price));
                a = Cells.number("amount", cells.get(amount));
            } catch (Cells.BadCell e) {
                bad.reject(label, n, line, e.getMessage());
                continue;
            }
            String problem = !(p > 0) ? "price " + p + " is not a positive price"
                : a < 0 ? "amount " + a + " is negative"
                : t < lastTime ? "time " + Cells.instant(t) + " goes backwards (line " + lastLine + " has "
                    + Cells.instant(lastTime) + "; ticks must be sorted by time)"
                : null;
            if (problem != null) {
                bad.reject(label, n, line, problem);
                continue;
            }
            lastTime = t;
            lastLine = n;
            agg.add(t, p, a);
        }
        Bars bars = agg.finish();
        if (bars.size() == 0) throw new DataException(label + ": no valid ticks in the file");
        return bars;
    }

    /** The bar being built; flushed to the builder when a tick lands in a later bucket. */
    private static final class Aggregator {
        private final Bars.Builder out;
        private final long size;
        private long bucket = Long.MIN_VALUE;
        private double open, high, low, close, volume;

        Aggregator(Bars.Builder out, long size) {
            this.out = out;
            this.size = size;
        }

        void add(long t, double price, double amount) {
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
        }

        private void flush() {
            if (bucket != Long.MIN_VALUE) out.add(bucket * size, open, high, low, close, volume);
        }

        Bars finish() {
            flush();
            bucket = Long.MIN_VALUE;
            return out.build();
        }
    }
}
