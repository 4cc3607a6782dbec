package io.ibex.cli.data;

import io.ibex.data.ImportProgress;
import me.tongfei.progressbar.ConsoleProgressBarConsumer;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;
import picocli.CommandLine;

import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Import progress on stderr. A progress bar is drawn only for large files (>= 16 MiB) on a terminal; otherwise the
 * one line "importing N bars into STORE" marks the start of the write transaction.
 */
final class ProgressReport implements ImportProgress, AutoCloseable {
    static final long LARGE_FILE_BYTES = 16L << 20;

    private final CommandLine.Model.CommandSpec spec;
    private final boolean bars;
    private ProgressBar reading, writing;

    private ProgressReport(CommandLine.Model.CommandSpec spec, boolean bars) {
        this.spec = spec;
        this.bars = bars;
    }

    static ProgressReport forFile(Path file, CommandLine.Model.CommandSpec spec) {
        long size;
        try {
            size = Files.size(file);
        } catch (Exception e) {
            size = 0;          // the importer reports the missing file
        }
        return new ProgressReport(spec, size >= LARGE_FILE_BYTES && System.console() != null);
    }

    @Override public void reading(long bytesRead, long totalBytes) {
        if (!bars) return;
        if (reading == null) reading = bar("read", totalBytes, " MiB", 1 << 20);
        reading.stepTo(bytesRead);
    }

    @Override public void writingStarted(int total) {
        if (reading != null) {
            reading.close();
            reading = null;
        }
        spec.commandLine().getErr().println("importing " + total + " bars");
        spec.commandLine().getErr().flush();
        if (bars) writing = bar("store", total, " bars", 1);
    }

    @Override public void written(int done, int total) {
        if (writing != null) writing.stepTo(done);
    }

    private static ProgressBar bar(String task, long max, String unit, long unitSize) {
        return new ProgressBarBuilder().setTaskName(task).setInitialMax(max).setUnit(unit, unitSize)
            .setStyle(ProgressBarStyle.ASCII).setUpdateIntervalMillis(250)
            .setConsumer(new ConsoleProgressBarConsumer(new PrintStream(System.err, true))).build();
    }

    @Override public void close() {
        if (reading != null) reading.close();
        if (writing != null) writing.close();
        reading = writing = null;
    }
}
