package io.ibex.data;

import io.ibex.framework.domain.Bars;
import io.ibex.framework.domain.Instrument;
import io.ibex.framework.error.DataException;

import java.io.IOException;
import java.io.InputStream;
import java.util.List;

/**
 * Reads OHLCV bar CSV: delimiter ({@code , ; tab}) and header detected, columns found by name
 * (date/time/timestamp, open, high, low, close, volume/vol; any order; extra columns ignored). Without a header the
 * columns are {@code time,open,high,low,close,volume}. A separate {@code date} and {@code time} column are joined.
 */
public final class CsvBarReader {
    private CsvBarReader() {}

    /** Reads the whole file into {@link Bars}; see {@link #stream}. */
    public static Bars read(InputStream in, String label, Instrument instrument, String source, BadRows bad)
            throws IOException {
        Bars.Builder out = Bars.builder(instrument, source);
        stream(in, label, bad, (line, t, o, h, l, c, v) -> out.add(t, o, h, l, c, v));
        return out.build();
    }

    /**
     * Reads the rows of a bar CSV from bytes (UTF-8) and hands each valid one to {@code sink}; bad rows go to
     * {@code bad} as {@code label:line: reason}. Only the header line becomes a String; rows are parsed in place.
     *
     * @return the number of bars handed to the sink (at least one; none is an error)
     */
    public static long stream(InputStream in, String label, BadRows bad, BarSink sink) throws IOException {
        ByteLines lines = new ByteLines(in);
        if (!lines.next()) throw new DataException(label + ": the file is empty (expected a header such as"
            + " date,open,high,low,close,volume)");
        String first = lines.text();
        char delimiter = CsvLayout.detectDelimiter(first);
        List<String> firstCells = CsvLayout.split(first, delimiter);
        Header header = new Header(firstCells);
        Columns cols = header.looksLikeHeader() ? Columns.of(header, label, lines.number()) : Columns.positional(label,
            lines.number(), firstCells.size());
        Rows rows = new Rows(label, cols, (byte) delimiter, bad, sink);
        if (!header.looksLikeHeader()) rows.row(lines);
        while (lines.next()) rows.row(lines);
        if (rows.accepted == 0) throw new DataException(label + ": no valid bars in the file");
        return rows.accepted;
    }

    /** Parses one line after another in place: cell bounds in two int arrays, the joined date+time in a scratch buffer. */
    private static final class Rows {
        private final String label;
        private final Columns cols;
        private final byte delimiter;
        private final BadRows bad;
        private final BarSink sink;
        private final int[] from, to;
        private final byte[] joined = new byte[64];
        private final BarChecker checker = new BarChecker();
        private long accepted;

        Rows(String label, Columns cols, byte delimiter, BadRows bad, BarSink sink) {
            this.label = label;
            this.cols = cols;
            this.delimiter = delimiter;
            this.bad = bad;
            this.sink = sink;
            this.from = new int[cols.count];
            this.to = new int[cols.count];
        }

        void row(ByteLines lines) {
            long n = lines.number();
            String tooLong = lines.tooLong();
            if (tooLong != null) {
                bad.reject(label, n, lines.text(), tooLong);
                return;
            }
            byte[] b = lines.buf();
            int cells = CsvLayout.split(b, lines.start(), lines.end(), delimiter, from, to);
            if (cells != cols.count) {
                bad.reject(label, n, lines.text(), "has " + cells + " columns, expected " + cols.count);
                return;
            }
            long t;
            double o, h, l, c, v;
            try {
                t = time(b);
                o = Cells.number("open", b, from[cols.open], to[cols.open]);
                h = Cells.number("high", b, from[cols.high], to[cols.high]);
                l = Cells.number("low", b, from[cols.low], to[cols.low]);
                c = Cells.number("close", b, from[cols.close], to[cols.close]);
                v = cols.volume < 0 ? 0 : Cells.number("volume", b, from[cols.volume], to[cols.volume]);
            } catch (Cells.BadCell e) {
                bad.reject(label, n, lines.text(), e.getMessage());
                return;
            }
            String problem = checker.problem(t, o, h, l, c, v);
            if (problem != null) {
                bad.reject(label, n, lines.text(), problem);
                return;
            }
            checker.accept(t, n);
            sink.bar(n, t, o, h, l, c, v);
            accepted++;
        }

        /** The time cell, or the date and time-of-day cells joined with {@code T}. */
        private long time(byte[] b) throws Cells.BadCell {
            int ts = from[cols.time], te = to[cols.time];
            if (cols.clock < 0) return Cells.time("time", b, ts, te);
            int cs = from[cols.clock], ce = to[cols.clock], dn = te - ts, n = dn + 1 + ce - cs;
            byte[] j = n <= joined.length ? joined : new byte[n];
            System.arraycopy(b, ts, j, 0, dn);
            j[dn] = 'T';
            System.arraycopy(b, cs, j, dn + 1, ce - cs);
            return Cells.time("time", j, 0, n);
        }
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
