package io.ibex.data;

import io.ibex.framework.domain.Bars;
import io.ibex.framework.domain.Instrument;
import io.ibex.framework.error.DataException;

import java.io.BufferedReader;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.HexFormat;
import java.util.regex.Pattern;

/**
 * Imports one file into the bar store: the whole file is parsed and validated into memory first (staging), then
 * written in one transaction. By default the first bad row refuses the file; with {@code skipBad} bad rows go to a
 * {@code FILE.rejected.csv} side file and the rest is imported. The file's SHA-256 makes a re-import a no-op.
 */
public final class FileImporter {
    private static final Pattern SYMBOL = Pattern.compile("[A-Z0-9][A-Z0-9._\\-/]{0,63}");
    private static final int BUFFER = 1 << 16;

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
        MessageDigest sha = BarDigest.sha256();
        Bars bars;
        Duration bar;
        try (InputStream raw = Files.newInputStream(file)) {
            long total = Files.size(file);
            InputStream counted = new Counting(raw, total, progress);
            DigestInputStream digest = new DigestInputStream(counted, sha);
            BufferedReader in = new BufferedReader(new InputStreamReader(digest, StandardCharsets.UTF_8), BUFFER);
            BarFormat format = BarFormat.detect(file.getFileName().toString(), in);
            Instrument instrument = Instrument.of(sym);
            bars = switch (format) {
                case BAR_CSV -> BarTimes.fromOpenLabels(CsvBarReader.read(in, label, instrument, label, bad));
                case BAR_JSON -> BarTimes.fromEndLabels(JsonBarReader.read(in, label, instrument, label, bad));
                case TICK_CSV -> {
                    if (barOrNull == null)
                        throw new DataException(label + " holds ticks (timestamp,price,amount): give the bar size to"
                            + " aggregate them to, e.g. --bar 5m");
                    yield BarTimes.fromBuckets(TickCsvReader.read(in, label, instrument, label, barOrNull, bad), barOrNull);
                }
            };
            digest.transferTo(OutputStream.nullOutputStream());    // the digest covers the whole file
            bar = format == BarFormat.TICK_CSV ? barOrNull : barSizeOf(bars, barOrNull, label);
        } catch (NoSuchFileException e) {
            throw new DataException("no such file: " + label);
        } catch (IOException e) {
            throw new DataException("cannot read " + label + ": " + e.getMessage(), e);
        }
        String sha256 = HexFormat.of().formatHex(sha.digest());
        progress.writingStarted(bars.size());
        int n = bars.size();
        ImportResult result = store.importBars(bars, bar, file.getFileName().toString(), sha256,
            bad.rejected().size(), written -> progress.written(written, n));
        Path side = bad.rejected().isEmpty() ? null : RejectedFile.write(file, rejectedDirOrNull, bad.rejected());
        return new FileImportResult(result, bad.rejected(), side, sha256);
    }

    static String checkSymbol(String symbol) {
        String s = symbol == null ? "" : symbol.trim().toUpperCase(java.util.Locale.ROOT);
        if (!SYMBOL.matcher(s).matches())
            throw new DataException("symbol '" + symbol + "' is not valid: use letters, digits and"
                + " . _ - / (e.g. AAPL, BRK.B, ETH-USD), at most 64 characters");
        return s;
    }

    private static Duration barSizeOf(Bars bars, Duration given, String label) {
        Duration spacing = BarSpacing.mostCommon(bars);
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
