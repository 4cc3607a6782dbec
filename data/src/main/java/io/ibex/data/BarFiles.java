package io.ibex.data;

import io.ibex.framework.domain.Bars;
import io.ibex.framework.domain.Instrument;
import io.ibex.framework.error.DataException;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Locale;

/** Reads a bar, JSON or tick file of any supported format into {@link Bars}, labelled by open time ({@link BarTimes}). */
public final class BarFiles {
    private static final int BUFFER = 1 << 16;
    /** Files from this size are parsed on several threads (about 80k rows of minute bars). */
    static final long PARALLEL_MIN_BYTES = 4 << 20;

    private BarFiles() {}

    /** Reads {@code file}, failing on the first bad row; error messages use the path as given. */
    public static Bars read(Path file, Instrument instrument, Duration barOrNull) {
        return read(file, instrument, barOrNull, BadRows.failFast());
    }

    public static Bars read(Path file, Instrument instrument, Duration barOrNull, BadRows bad) {
        String label = file.toString();
        if (Files.isDirectory(file)) throw new DataException(label + " is a directory, not a data file");
        int threads = Math.min(4, Runtime.getRuntime().availableProcessors());
        try {
            byte[] data = parallelCandidate(file, barOrNull, threads);
            if (data != null) {
                Bars bars = CsvBarReader.readParallel(data, label, instrument, label, threads);
                if (bars != null) return BarTimes.fromOpenLabels(bars);
            }
            // sequential: small files, other formats, and any file with a bad row (its exact file:line errors);
            // a candidate's bytes are already in memory and are not read again
            try (InputStream in = data != null ? new java.io.ByteArrayInputStream(data) : Files.newInputStream(file)) {
                return read(in, label, file.getFileName().toString(), instrument, label, barOrNull, bad);
            }
        } catch (NoSuchFileException e) {
            throw new DataException("no such file: " + label);
        } catch (IOException e) {
            throw new DataException("cannot read " + label + ": " + e.getMessage(), e);
        }
    }

    /**
     * The bytes of a file worth parsing on several threads (CsvBarReader.readParallel): a bar CSV of at least
     * {@link #PARALLEL_MIN_BYTES} on a machine with 2 or more cores, small enough for the heap; else null.
     */
    private static byte[] parallelCandidate(Path file, Duration barOrNull, int threads) throws IOException {
        long size = Files.size(file);
        if (threads < 2 || barOrNull != null || size < PARALLEL_MIN_BYTES || size > Runtime.getRuntime().maxMemory() / 8
                || size > Integer.MAX_VALUE - 16) return null;
        try (BufferedInputStream head = new BufferedInputStream(Files.newInputStream(file), BUFFER)) {
            if (BarFormat.detect(file.getFileName().toString(), head) != BarFormat.BAR_CSV) return null;
        }
        return Files.readAllBytes(file);
    }

    /**
     * Reads a stream whose format is detected from {@code fileName} and its content.
     *
     * @param label     prefix of error messages, e.g. the path
     * @param source    recorded in {@link Bars#source()}
     * @param barOrNull bar size; required for ticks; for bar files it must be null (bars are never resampled)
     */
    public static Bars read(InputStream stream, String label, String fileName, Instrument instrument, String source,
                            Duration barOrNull, BadRows bad) throws IOException {
        BufferedInputStream in = new BufferedInputStream(stream, BUFFER);
        BarFormat format = BarFormat.detect(fileName, in);
        if (format != BarFormat.TICK_CSV && barOrNull != null)
            throw new DataException(label + " already holds bars (" + format.name().toLowerCase(Locale.ROOT)
                + "); --bar " + BarSizes.format(barOrNull) + " applies only to tick files and db: sources");
        Bars.Builder out = Bars.builder(instrument, source);
        stream(in, format, label, barOrNull, bad, (line, t, o, h, l, c, v) -> out.add(t, o, h, l, c, v));
        Bars bars = out.build();
        return switch (format) {                           // the one bar-time convention (ADR 0006)
            case BAR_CSV -> BarTimes.fromOpenLabels(bars);
            case BAR_JSON -> BarTimes.fromEndLabels(bars);
            case TICK_CSV -> BarTimes.fromBuckets(bars, barOrNull);
        };
    }

    /**
     * The one reading path of every command (backtest, sweep, import): detects the format from {@code fileName} and the
     * content, then hands each valid bar to {@code sink} as it is read, so memory does not grow with the file. Bad rows
     * go to {@code bad} ({@code label:line: reason}); no valid bar at all is an error.
     *
     * @param tickBarOrNull the bar size ticks are aggregated to; required for tick files, ignored for bar files
     * @return the detected format
     */
    public static BarFormat stream(InputStream stream, String label, String fileName, Duration tickBarOrNull,
                                   BadRows bad, BarSink sink) throws IOException {
        BufferedInputStream in = new BufferedInputStream(stream, BUFFER);
        BarFormat format = BarFormat.detect(fileName, in);
        stream(in, format, label, tickBarOrNull, bad, sink);
        return format;
    }

    private static void stream(BufferedInputStream in, BarFormat format, String label, Duration tickBarOrNull,
                               BadRows bad, BarSink sink) throws IOException {
        switch (format) {
            case BAR_CSV -> CsvBarReader.stream(in, label, bad, sink);
            case BAR_JSON -> JsonBarReader.stream(new InputStreamReader(in, StandardCharsets.UTF_8), label, bad, sink);
            case TICK_CSV -> {
                if (tickBarOrNull == null)
                    throw new DataException(label + " holds ticks (timestamp,price,amount): give a bar size to"
                        + " aggregate them, e.g. --bar 5m");
                TickCsvReader.stream(in, label, tickBarOrNull, bad, sink);
            }
        }
    }

    /** The file name without directory and extension, upper-cased: {@code data/spy_2019.csv} -> {@code SPY_2019}. */
    public static String symbolOf(Path file) {
        String name = file.getFileName().toString();
        int dot = name.indexOf('.');
        return (dot > 0 ? name.substring(0, dot) : name).toUpperCase(Locale.ROOT);
    }
}
