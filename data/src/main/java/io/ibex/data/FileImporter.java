package io.ibex.data;

import io.ibex.framework.error.DataException;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Imports one file into the bar store in two streaming passes, so memory does not grow with the file: the first
 * validates every row, counts the bars and measures their spacing (and the file's SHA-256); the second streams the
 * bars into a staged version of the series, which one small commit makes visible ({@link H2BarStore#beginImport}).
 * A refused or interrupted import leaves the store as it was. By default the first bad row refuses the file; with {@code skipBad} bad rows go to a
 * {@code FILE.rejected.csv} side file and the rest is imported. The file's SHA-256 makes a re-import a no-op.
 */
public final class FileImporter {
    private static final Pattern SYMBOL = Pattern.compile("[A-Z0-9][A-Z0-9._\\-/]{0,63}");

    /** Bars between two progress reports while writing. */
    private static final int WRITE_REPORT = 10_000;

    private FileImporter() {}

    /**
     * @param barOrNull          for tick files the bar size to aggregate to (required); for bar files the size they
     *                           are stored under (default: their most common spacing; it must divide the spacing)
     * @param rejectedDirOrNull  directory for the side file; default: next to the file
     */
    public static FileImportResult importFile(H2BarStore store, Path file, String symbol, Duration barOrNull,
                                              boolean skipBad, Path rejectedDirOrNull, ImportProgress progress) {
        String sym = checkSymbol(symbol);
        String label = file.toString();
        if (Files.isDirectory(file)) throw new DataException(label + " is a directory, not a data file");
        BadRows bad = skipBad ? BadRows.collect() : BadRows.failFast();
        Survey survey = new Survey();
        String sha256 = read(file, barOrNull, bad, progress, survey);       // pass 1: validate, count, measure
        if (survey.count == 0) throw new DataException(label + ": no valid bars in the file");
        Duration bar = survey.format == BarFormat.TICK_CSV ? barOrNull : barSizeOf(survey, barOrNull, label);
        int n = Math.toIntExact(survey.count);
        // the store holds open times (ADR 0006): end labels of ta4j JSON move by one bar, as BarTimes does for reads
        long shift = survey.format == BarFormat.BAR_JSON ? BarTimes.endLabelShift(survey.first, bar.toMillis()) : 0;
        ImportResult result;
        try (BarImport in = store.beginImport(sym, bar, file.getFileName().toString(), sha256)) {
            if (in.alreadyImported() != null) {
                result = in.alreadyImported().withRead(n);
            } else {
                progress.writingStarted(n);
                String again = read(file, barOrNull, skipBad ? BadRows.collect() : BadRows.failFast(),
                    ImportProgress.NONE, (line, t, o, h, l, c, v) -> {       // pass 2: stream into the staged version
                        in.add(t + shift, o, h, l, c, v, label);
                        if (in.added() % WRITE_REPORT == 0) progress.written(in.added(), n);
                    });
                if (!again.equals(sha256) || in.added() != n)
                    throw new DataException(label + " changed while it was being imported; nothing was imported");
                progress.written(n, n);
                result = in.commit(bad.rejected().size());
            }
        }
        Path side = bad.rejected().isEmpty() ? null : RejectedFile.write(file, rejectedDirOrNull, bad.rejected());
        return new FileImportResult(result, bad.rejected(), side, sha256);
    }

    /** Streams the whole file through the reader into {@code sink}; returns the file's SHA-256. */
    private static String read(Path file, Duration barOrNull, BadRows bad, ImportProgress progress, BarSink sink) {
        String label = file.toString();
        MessageDigest sha = BarDigest.sha256();
        try (InputStream raw = Files.newInputStream(file)) {
            DigestInputStream digest = new DigestInputStream(new Counting(raw, Files.size(file), progress), sha);
            BarFormat format = BarFiles.stream(digest, label, file.getFileName().toString(), barOrNull, bad, sink);
            if (sink instanceof Survey s) s.format = format;
            digest.transferTo(OutputStream.nullOutputStream());    // the digest covers the whole file
        } catch (NoSuchFileException e) {
            throw new DataException("no such file: " + label);
        } catch (IOException e) {
            throw new DataException("cannot read " + label + ": " + e.getMessage(), e);
        }
        return HexFormat.of().formatHex(sha.digest());
    }

    /**
     * What the first pass learns without keeping the bars: their number, the gaps between them (for the bar size)
     * and the smallest gap. At most {@link #GAPS} distinct gaps are counted, so memory stays bounded.
     */
    private static final class Survey implements BarSink {
        private static final int GAPS = 10_000;
        final Map<Long, Integer> gaps = new HashMap<>();
        BarFormat format;
        long count, first, last = Long.MIN_VALUE, smallest = Long.MAX_VALUE;

        @Override public void bar(long line, long time, double o, double h, double l, double c, double v) {
            if (count == 0) first = time;
            if (count++ > 0) {
                long gap = time - last;
                smallest = Math.min(smallest, gap);
                if (gaps.size() < GAPS || gaps.containsKey(gap)) gaps.merge(gap, 1, Integer::sum);
            }
            last = time;
        }

        /** The most frequent gap (ties: the smaller), or null for a single bar. */
        Duration mostCommon() {
            if (gaps.isEmpty()) return null;
            long best = 0;
            int bestCount = 0;
            for (Map.Entry<Long, Integer> e : gaps.entrySet())
                if (e.getValue() > bestCount || e.getValue() == bestCount && e.getKey() < best) {
                    best = e.getKey();
                    bestCount = e.getValue();
                }
            return Duration.ofMillis(best);
        }
    }

    static String checkSymbol(String symbol) {
        String s = symbol == null ? "" : symbol.trim().toUpperCase(java.util.Locale.ROOT);
        if (!SYMBOL.matcher(s).matches())
            throw new DataException("symbol '" + symbol + "' is not valid: use letters, digits and"
                + " . _ - / (e.g. AAPL, BRK.B, ETH-USD), at most 64 characters");
        return s;
    }

    private static Duration barSizeOf(Survey survey, Duration given, String label) {
        Duration spacing = survey.mostCommon();
        if (given == null) {
            if (spacing == null)
                throw new DataException(label + " holds a single bar: give its size with --bar (e.g. --bar 1d)");
            if (spacing.toMillis() % 1000 != 0)
                throw new DataException(label + ": bars are " + spacing.toMillis() + " ms apart; give the bar size"
                    + " with --bar");
            return spacing;
        }
        if (spacing != null && spacing.toMillis() % given.toMillis() != 0)
            throw new DataException("--bar " + BarSizes.format(given) + " does not match " + label + ": most of its"
                + " bars are " + describe(spacing) + " apart (bar files are stored as they are, not resampled)");
        // a missing bar or two is normal; bars that are never closer than twice their size are another bar size
        if (spacing != null && survey.smallest > 2 * given.toMillis())
            throw new DataException("--bar " + BarSizes.format(given) + " contradicts " + label + ": no two of its"
                + " bars are closer than " + describe(Duration.ofMillis(survey.smallest)) + " (most are "
                + describe(spacing) + " apart), so these are not " + BarSizes.format(given) + " bars; leave out --bar"
                + " or give --bar " + describe(spacing));
        return given;
    }

    private static String describe(Duration d) {
        return d.toMillis() % 1000 == 0 ? BarSizes.format(d) : d.toMillis() + " ms";
    }

    /** Reports bytes read at most every 1 MiB. */
    private static final class Counting extends FilterInputStream {
        private final long total;
        private final ImportProgress progress;
        private long count, reported;

        Counting(InputStream in, long total, ImportProgress progress) {
            super(in);
            this.total = total;
            this.progress = progress;
        }

        @Override public int read() throws IOException {
            int b = super.read();
            if (b >= 0) advance(1);
            return b;
        }

        @Override public int read(byte[] b, int off, int len) throws IOException {
            int n = super.read(b, off, len);
            if (n > 0) advance(n);
            return n;
        }

        private void advance(long n) {
            count += n;
            if (count - reported >= (1 << 20) || count == total) {
                reported = count;
                progress.reading(count, total);
            }
        }
    }
}
