package io.ibex.cli.data;

import io.ibex.data.BarSizes;
import io.ibex.data.BarWriters;
import io.ibex.data.H2BarStore;
import io.ibex.data.IoReason;
import io.ibex.framework.domain.Bars;
import io.ibex.framework.error.DataException;
import io.ibex.framework.files.FileModes;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.Locale;
import java.util.concurrent.Callable;

/** {@code ibex data export SYM [--bar 1d] [--format csv|json] [--out FILE]}. */
@Command(name = "export", mixinStandardHelpOptions = true,
    description = "Write a stored series as bar CSV or ta4j bar JSON (both can be imported again).")
public final class DataExportCommand implements Callable<Integer> {
    @CommandLine.Spec CommandLine.Model.CommandSpec spec;
    @Mixin DbOption db;

    @Parameters(paramLabel = "SYM", description = "Instrument symbol in the bar store (see: ibex data list).") String symbol;

    @Option(names = "--bar", paramLabel = "SIZE", description = "Bar size (default: the symbol's only stored one).")
    String bar;

    @Option(names = "--format", paramLabel = "csv|json", defaultValue = "csv", description = "Output format: csv (default) or json.")
    String format;

    @Option(names = "--out", paramLabel = "FILE", description = "Output file (default: stdout).")
    Path out;

    @Override public Integer call() throws Exception {
        return Commands.run(spec, () -> {
            String fmt = format.toLowerCase(Locale.ROOT);
            if (!fmt.equals("csv") && !fmt.equals("json"))
                throw new DataException("--format " + format + " is not supported: use csv or json");
            String sym = symbol.trim().toUpperCase(Locale.ROOT);
            Bars bars;
            Duration size = bar != null ? BarSizes.parse(bar) : null;
            if (out != null) checkWritable(out);
            try (H2BarStore store = db.openExisting()) {
                if (size == null) size = store.onlyBarSize(sym);
                bars = store.load(sym, size);
            }
            if (out == null) {
                Writer w = spec.commandLine().getOut();
                write(fmt, bars, size, w);
                w.flush();
            } else {
                writeAtomically(fmt, bars, size, out);
                spec.commandLine().getErr().println("wrote " + bars.size() + " bars of " + sym + "@"
                    + BarSizes.format(size) + " to " + out);
            }
            return 0;
        });
    }

    private static void write(String fmt, Bars bars, Duration size, Writer w) throws IOException {
        if (fmt.equals("csv")) BarWriters.csv(bars, size, w);
        else BarWriters.json(bars, w);
    }

    /** Refuses an --out that names a directory or a place that cannot be written, before any work is done. */
    private static void checkWritable(Path out) {
        if (Files.isDirectory(out))
            throw new DataException("--out " + out + " is a directory; give a file name, e.g. " + out.resolve("bars.csv"));
        Path dir = out.toAbsolutePath().getParent();
        try {
            Files.createDirectories(dir);
            Files.deleteIfExists(Files.createTempFile(dir, out.getFileName().toString(), ".tmp"));
        } catch (IOException e) {
            throw new DataException("--out " + out + " cannot be written: " + IoReason.of(e));
        }
    }

    /** Temp file + atomic move: an interrupted export never leaves half a file under the final name. */
    private static void writeAtomically(String fmt, Bars bars, Duration size, Path out) throws IOException {
        Path dir = out.toAbsolutePath().getParent();
        Files.createDirectories(dir);
        Path tmp = Files.createTempFile(dir, out.getFileName().toString(), ".tmp");
        try {
            try (Writer w = Files.newBufferedWriter(tmp, StandardCharsets.UTF_8)) {
                write(fmt, bars, size, w);
            }
            FileModes.makeShared(tmp);                 // an export is made to be shared (docs/reliability.md)
            Files.move(tmp, out, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } finally {
            Files.deleteIfExists(tmp);
        }
    }
}
