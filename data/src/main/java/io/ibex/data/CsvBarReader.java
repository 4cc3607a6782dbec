package io.ibex.data;

import io.ibex.framework.domain.Bars;
import io.ibex.framework.domain.Instrument;
import io.ibex.framework.error.DataException;

import java.io.BufferedReader;
import java.io.IOException;
import java.util.List;

/**
 * Reads OHLCV bar CSV: delimiter ({@code , ; tab}) and header detected, columns found by name
 * (date/time/timestamp, open, high, low, close, volume/vol; any order; extra columns ignored). Without a header the
 * columns are {@code time,open,high,low,close,volume}. A separate {@code date} and {@code time} column are joined.
 */
public final class CsvBarReader {
    private CsvBarReader() {}

    public static Bars read(BufferedReader in, String label, Instrument instrument, String source, BadRows bad)
            throws IOException {
        Lines lines = new Lines(in);
        String first = lines.next();
        if (first == null) throw new DataException(label + ": the file is empty (expected a header such as"
            + " date,open,high,low,close,volume)");
        char delimiter = CsvLayout.detectDelimiter(first);
        List<String> firstCells = CsvLayout.split(first, delimiter);
        Header header = new Header(firstCells);
        Columns cols = header.looksLikeHeader() ? Columns.of(header, label, lines.number()) : Columns.positional(label,
            lines.number(), firstCells.size());
        Bars.Builder out = Bars.builder(instrument, source);
        BarChecker checker = new BarChecker();
        String line = header.looksLikeHeader() ? lines.next() : first;
        while (line != null) {
            row(line, lines.number(), CsvLayout.split(line, delimiter), cols, checker, out, label, bad);
            line = lines.next();
        }
        if (out.size() == 0) throw new DataException(label + ": no valid bars in the file");
        return out.build();
    }

    private static void row(String line, long n, List<String> cells, Columns cols, BarChecker checker,
                            Bars.Builder out, String label, BadRows bad) {
        if (Lines.tooLong(line) != null) {
            bad.reject(label, n, Lines.excerpt(line), Lines.tooLong(line));
            return;
        }
        if (cells.size() != cols.count) {
            bad.reject(label, n, line, "has " + cells.size() + " columns, expected " + cols.count);
            return;
        }
        long t;
        double o, h, l, c, v;
        try {
            String time = cols.clock < 0 ? cells.get(cols.time) : cells.get(cols.time) + "T" + cells.get(cols.clock);
            t = Cells.time("time", time);
            o = Cells.number("open", cells.get(cols.open));
            h = Cells.number("high", cells.get(cols.high));
            l = Cells.number("low", cells.get(cols.low));
            c = Cells.number("close", cells.get(cols.close));
            v = cols.volume < 0 ? 0 : Cells.number("volume", cells.get(cols.volume));
        } catch (Cells.BadCell e) {
            bad.reject(label, n, line, e.getMessage());
            return;
        }
        String problem = checker.problem(t, o, h, l, c, v);
        if (problem != null) {
            bad.reject(label, n, line, problem);
            return;
        }
        checker.accept(t, n);
        out.add(t, o, h, l, c, v);
    }

    /** Column positions; {@code clock} is a separate time-of-day column joined to {@code time}, or -1; {@code volume} -1 = none. */
    private record Columns(int time, int clock, int open, int high, int low, int close, int volume, int count) {
        static Columns of(Header h, String label, long line) {
            int date = h.find(Header.DATE_ONLY), clock = h.find(Header.TIME_ONLY);
            int time = date >= 0 && clock >= 0 ? date : h.find(Header.TIME);
            if (!(date >= 0 && clock >= 0)) clock = -1;
            Columns c = new Columns(time, clock, h.find(Header.OPEN), h.find(Header.HIGH), h.find(Header.LOW),
                h.find(Header.CLOSE), h.find(Header.VOLUME), h.size());
            StringBuilder missing = new StringBuilder();
            if (c.time < 0) missing.append(" date/time");
            if (c.open < 0) missing.append(" open");
            if (c.high < 0) missing.append(" high");
            if (c.low < 0) missing.append(" low");
            if (c.close < 0) missing.append(" close");
            // volume is optional: many price exports have none; such bars carry volume 0 (a volume cap then fills nothing)
            if (!missing.isEmpty())
                throw new DataException(label + ":" + line + ": header lacks column(s)" + missing + " (accepted names:"
                    + " date/time/timestamp/datetime, open, high, low, close, optional volume/vol; any case)");
            return c;
        }

        static Columns positional(String label, long line, int count) {
            if (count != 6)
                throw new DataException(label + ":" + line + ": no header and " + count + " columns; add a header"
                    + " such as date,open,high,low,close,volume");
            return new Columns(0, -1, 1, 2, 3, 4, 5, 6);
        }
    }
}
