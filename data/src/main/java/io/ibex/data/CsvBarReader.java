package io.ibex.data;

import io.ibex.framework.domain.Bars;
import io.ibex.framework.domain.Instrument;
import io.ibex.framework.error.DataException;

import java.io.ByteArrayInputStream;
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

    /**
     * Reads a whole bar CSV held in memory on up to {@code threads} threads: the rows after the header are cut into
     * ranges at line ends and parsed at once, then the row rules run over the joined columns in file order. Returns
     * null as soon as anything is not a plain valid file (a bad row, a blank first line, a second byte order mark), so
     * that the caller reads it sequentially and reports exactly what the sequential reader reports.
     */
    static Bars readParallel(byte[] data, String label, Instrument instrument, String source, int threads)
            throws IOException {
        int firstEnd = indexOf(data, 0, (byte) '\n');
        if (firstEnd < 0) return null;
        ByteLines head = new ByteLines(new ByteArrayInputStream(data, 0, firstEnd + 1));
        if (!head.next() || head.number() != 1 || head.tooLong() != null) return null;
        String first = head.text();
        if (head.next()) return null;                           // a lone \r ended the first line: not worth the care
        char delimiter = CsvLayout.detectDelimiter(first);
        List<String> firstCells = CsvLayout.split(first, delimiter);
        Header header = new Header(firstCells);
        Columns cols = header.looksLikeHeader() ? Columns.of(header, label, 1) : Columns.positional(label, 1,
            firstCells.size());
        int start = header.looksLikeHeader() ? firstEnd + 1 : 0;
        int[] cuts = new int[threads + 1];
        cuts[0] = start;
        cuts[threads] = data.length;
        for (int k = 1; k < threads; k++) {
            int at = indexOf(data, Math.max(cuts[k - 1], start + (int) ((long) (data.length - start) * k / threads)), (byte) '\n');
            cuts[k] = at < 0 ? data.length : at + 1;
        }
        @SuppressWarnings("unchecked")
        java.util.concurrent.Future<Chunk>[] parts = new java.util.concurrent.Future[threads];
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(threads - 1, r -> {
            Thread t = new Thread(r, "ibex-csv-read");
            t.setDaemon(true);
            return t;
        });
        try {
            for (int k = 1; k < threads; k++) {
                int from = cuts[k], to = cuts[k + 1];
                parts[k] = pool.submit(() -> Chunk.parse(data, from, to, label, cols, (byte) delimiter));
            }
            Chunk firstChunk = Chunk.parse(data, cuts[0], cuts[1], label, cols, (byte) delimiter);
            Chunk[] chunks = new Chunk[threads];
            chunks[0] = firstChunk;
            for (int k = 1; k < threads; k++) chunks[k] = parts[k].get();
            return Chunk.join(chunks, instrument, source);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new java.io.InterruptedIOException("interrupted while reading " + label);
        } catch (java.util.concurrent.ExecutionException e) {
            if (e.getCause() instanceof IOException io) throw io;
            if (e.getCause() instanceof RuntimeException re) throw re;
            throw new IllegalStateException(e.getCause());
        } finally {
            pool.shutdownNow();
        }
    }

    private static int indexOf(byte[] data, int from, byte b) {
        for (int i = from; i < data.length; i++) if (data[i] == b) return i;
        return -1;
    }

    /** The parsed rows of one range of lines, unchecked; null parts mean a row that did not parse. */
    private record Chunk(long[] time, double[] open, double[] high, double[] low, double[] close, double[] volume, int n) {
        static Chunk parse(byte[] data, int from, int to, String label, Columns cols, byte delimiter) throws IOException {
            if (from < to && from > 0 && data[from] == (byte) 0xEF) return null;   // ByteLines strips a BOM on its line 1
            int cap = Math.max(16, (to - from) / 40);
            long[] t = new long[cap];
            double[] o = new double[cap], h = new double[cap], l = new double[cap], c = new double[cap], v = new double[cap];
            Rows rows = new Rows(label, cols, delimiter, BadRows.failFast(), null);
            ByteLines lines = new ByteLines(new ByteArrayInputStream(data, from, to - from));
            int n = 0;
            while (lines.next()) {
                if (rows.parse(lines) != null) return null;
                if (n == t.length) {
                    int grown = n + (n >> 1);
                    t = java.util.Arrays.copyOf(t, grown); o = java.util.Arrays.copyOf(o, grown);
                    h = java.util.Arrays.copyOf(h, grown); l = java.util.Arrays.copyOf(l, grown);
                    c = java.util.Arrays.copyOf(c, grown); v = java.util.Arrays.copyOf(v, grown);
                }
                t[n] = rows.t; o[n] = rows.o; h[n] = rows.h; l[n] = rows.l; c[n] = rows.c; v[n] = rows.v;
                n++;
            }
            return new Chunk(t, o, h, l, c, v, n);
        }

        /** The rows in file order after the row rules, or null when a part did not parse or a row breaks a rule. */
        static Bars join(Chunk[] chunks, Instrument instrument, String source) {
            Bars.Builder out = Bars.builder(instrument, source);
            BarChecker checker = new BarChecker();
            for (Chunk k : chunks) {
                if (k == null) return null;
                for (int i = 0; i < k.n; i++) {
                    if (checker.problem(k.time[i], k.open[i], k.high[i], k.low[i], k.close[i], k.volume[i]) != null) return null;
                    checker.accept(k.time[i], 0);
                    out.add(k.time[i], k.open[i], k.high[i], k.low[i], k.close[i], k.volume[i]);
                }
            }
            return out.size() == 0 ? null : out.build();
        }
    }

    /** Parses one line after another in place: cell bounds in two int arrays, the joined date+time in a scratch buffer. */
    static final class Rows {
        private final String label;
        private final Columns cols;
        private final byte delimiter;
        private final BadRows bad;
        private final BarSink sink;
        private final int[] from, to;
        private final byte[] joined = new byte[64];
        private final BarChecker checker = new BarChecker();
        private long accepted;
        long t;
        double o, h, l, c, v;

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
            String reason = parse(lines);
            long n = lines.number();
            if (reason == null) reason = checker.problem(t, o, h, l, c, v);
            if (reason != null) {
                bad.reject(label, n, lines.text(), reason);
                return;
            }
            checker.accept(t, n);
            sink.bar(n, t, o, h, l, c, v);
            accepted++;
        }

        /** The values of the current line read into t, o, h, l, c and v; returns why it cannot be read, or null. */
        String parse(ByteLines lines) {
            String tooLong = lines.tooLong();
            if (tooLong != null) return tooLong;
            byte[] b = lines.buf();
            int cells = CsvLayout.split(b, lines.start(), lines.end(), delimiter, from, to);
            if (cells != cols.count) return "has " + cells + " columns, expected " + cols.count;
            try {
                t = time(b);
                o = Cells.number("open", b, from[cols.open], to[cols.open]);
                h = Cells.number("high", b, from[cols.high], to[cols.high]);
                l = Cells.number("low", b, from[cols.low], to[cols.low]);
                c = Cells.number("close", b, from[cols.close], to[cols.close]);
                v = cols.volume < 0 ? 0 : Cells.number("volume", b, from[cols.volume], to[cols.volume]);
            } catch (Cells.BadCell e) {
                return e.getMessage();
            }
            return null;
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
    record Columns(int time, int clock, int open, int high, int low, int close, int volume, int count) {
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
