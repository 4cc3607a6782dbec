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
            for (String file : FILES) temps.add(Files.createTempFile(dir, "." + file + ".", ".tmp"));
            writeAll(bodies, temps);
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

    /**
     * Writes the bodies into their temporaries on up to two threads (the files are independent and read the result
     * only): on 1M bars the report and equity.csv each take a few hundred milliseconds, so they overlap.
     */
    private static void writeAll(Body[] bodies, List<Path> temps) throws IOException {
        int threads = Math.min(2, Runtime.getRuntime().availableProcessors());
        if (threads < 2) {
            for (int k = 0; k < bodies.length; k++) writeOne(bodies[k], temps.get(k));
            return;
        }
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(1, task -> {
            Thread t = new Thread(task, "ibex-report-writer");
            t.setDaemon(true);
            return t;
        });
        try {
            // the report on this thread; the CSV files (equity.csv the largest) on the other
            List<java.util.concurrent.Future<?>> csv = new ArrayList<>();
            for (int k : new int[] {3, 2, 1}) {
                Body body = bodies[k];
                Path tmp = temps.get(k);
                csv.add(pool.submit(() -> { writeOne(body, tmp); return null; }));
            }
            Exception failed = null;                 // the first failure wins; the others still finish first
            try {
                writeOne(bodies[0], temps.get(0));
                writeOne(bodies[4], temps.get(4));
            } catch (IOException | RuntimeException e) {
                failed = e;
            }
            for (java.util.concurrent.Future<?> f : csv) {
                try {
                    await(f);
                } catch (IOException | RuntimeException e) {
                    if (failed == null) failed = e;
                }
            }
            if (failed instanceof IOException io) throw io;
            if (failed != null) throw (RuntimeException) failed;
        } finally {
            pool.shutdownNow();
        }
    }

    private static void writeOne(Body body, Path tmp) throws IOException {
        try (BufferedWriter w = Files.newBufferedWriter(tmp, StandardCharsets.UTF_8)) {
            body.write(w);
        }
        FileModes.makeShared(tmp);             // a research result, made to be shared (docs/reliability.md)
    }

    private static void await(java.util.concurrent.Future<?> f) throws IOException {
        try {
            f.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while writing the report", e);
        } catch (java.util.concurrent.ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof IOException io) throw io;
            if (cause instanceof RuntimeException re) throw re;
            if (cause instanceof Error err) throw err;
            throw new IOException(cause);
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
