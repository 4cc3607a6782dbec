package io.ibex.backtest.report;

import io.ibex.backtest.BacktestResult;
import io.ibex.backtest.PathRange;
import io.ibex.backtest.metrics.Metrics;
import io.ibex.framework.error.ConfigException;
import io.ibex.framework.files.FileModes;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;

/**
 * Writes the five output files of {@code backtest --out DIR}. Each file is first written completely under a temporary
 * name in DIR and then renamed, so a reader never sees a half-written file; if anything fails, the temporaries are
 * removed and earlier outputs in DIR stay as they were.
 */
public final class ReportWriter {
    public static final List<String> FILES = List.of("summary.json", "trades.csv", "orders.csv", "equity.csv", "report.html");

    private ReportWriter() {}

    @FunctionalInterface
    private interface Body { void write(Writer w) throws IOException; }

    public static void write(Path dir, RunInfo info, BacktestResult r, Metrics m) {
        write(dir, info, r, m, null, SharpeCi.ANALYTIC);
    }

    /**
     * @param pathRange net profit under each intrabar path ({@code --path-range}), or null
     * @param sharpeCi  how the Sharpe interval is computed; the statistics are computed once for all five files
     */
    public static void write(Path dir, RunInfo info, BacktestResult r, Metrics m, PathRange pathRange, SharpeCi sharpeCi) {
        try {
            Files.createDirectories(dir);
        } catch (IOException e) {
            throw new ConfigException("cannot create output directory " + dir + ": " + OutputDir.reason(e)
                + "; choose another --out", e);
        }
        if (!Files.isWritable(dir)) throw new ConfigException("output directory " + dir + " is not writable");
        List<Path> temps = new ArrayList<>();
        ExtraStatistics x = ExtraStatistics.of(r, sharpeCi);
        try {
            Body[] bodies = {
                w -> w.write(SummaryJson.render(info, r, m, pathRange, x)),
                w -> CsvFiles.trades(r, w),
                w -> CsvFiles.orders(r, w),
                w -> CsvFiles.equity(r, w),
                w -> w.write(HtmlReport.render(info, r, m, pathRange, x)),
            };
            for (int k = 0; k < FILES.size(); k++) {
                Path tmp = Files.createTempFile(dir, "." + FILES.get(k) + ".", ".tmp");
                temps.add(tmp);
                try (BufferedWriter w = Files.newBufferedWriter(tmp, StandardCharsets.UTF_8)) {
                    bodies[k].write(w);
                }
                FileModes.makeShared(tmp);             // a research result, made to be shared (docs/reliability.md)
            }
            for (int k = 0; k < FILES.size(); k++) move(temps.get(k), dir.resolve(FILES.get(k)));
        } catch (IOException e) {
            throw new UncheckedIOException("writing the report to " + dir + " failed: " + e.getMessage(), e);
        } finally {
            for (Path t : temps) {
                try {
                    Files.deleteIfExists(t);
                } catch (IOException ignored) {
                    // best effort: the temporary file has a dot name and a .tmp suffix, harmless if left
                }
            }
        }
    }

    private static void move(Path from, Path to) throws IOException {
        try {
            Files.move(from, to, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(from, to, StandardCopyOption.REPLACE_EXISTING);
        }
    }
}
