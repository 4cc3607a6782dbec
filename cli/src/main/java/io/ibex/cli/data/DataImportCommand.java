package io.ibex.cli.data;

import io.ibex.data.BarSizes;
import io.ibex.data.FileImportResult;
import io.ibex.data.FileImporter;
import io.ibex.data.H2BarStore;
import io.ibex.data.ImportResult;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.Callable;

/** {@code ibex data import FILE --symbol SYM [--bar 5m] [--skip-bad] [--out DIR]}. */
@Command(name = "import", mixinStandardHelpOptions = true,
    description = {"Import a bar CSV, ta4j bar JSON or tick CSV file into the bar store, all or nothing.",
        "Re-importing the same file changes nothing."})
public final class DataImportCommand implements Callable<Integer> {
    @CommandLine.Spec CommandLine.Model.CommandSpec spec;
    @Mixin DbOption db;

    @Parameters(paramLabel = "FILE", description = "CSV bars, ta4j JSON bars, or tick CSV (timestamp,price,amount).")
    Path file;

    @Option(names = "--symbol", required = true, paramLabel = "SYM", description = "Instrument symbol, e.g. AAPL.")
    String symbol;

    @Option(names = "--bar", paramLabel = "SIZE",
        description = "Bar size: ticks are aggregated to it; bar files are stored under it"
            + " (default: their most common spacing). E.g. 1m, 5m, 1h, 1d.")
    String bar;

    @Option(names = "--skip-bad", description = "Import the valid rows and write the rejected ones to FILE.rejected.csv.")
    boolean skipBad;

    @Option(names = "--out", paramLabel = "DIR", description = "Directory for the .rejected.csv side file (default: next to FILE).")
    Path out;

    @Override public Integer call() throws Exception {
        return Commands.run(spec, () -> {
            Duration size = bar == null ? null : BarSizes.parse(bar);
            PrintWriter stdout = spec.commandLine().getOut();
            long started = System.nanoTime();
            try (H2BarStore store = db.open(); ProgressReport progress = ProgressReport.forFile(file, spec)) {
                FileImportResult r = FileImporter.importFile(store, file, symbol, size, skipBad, out, progress);
                progress.close();
                ImportResult s = r.store();
                long ms = (System.nanoTime() - started) / 1_000_000;
                if (s.alreadyImported())
                    stdout.printf("%s was already imported as %s (import #%d, same SHA-256): nothing changed%n",
                        file, s.series(), s.importId());
                else
                    stdout.printf("imported %d bars of %s from %s into %s: %d new, %d updated, %d unchanged (%d ms;"
                        + " store writes %,d bars/s)%n", s.read(), s.series(), file, store.location(), s.inserted(),
                        s.updated(), s.unchanged(), ms, s.barsPerSecond());
                if (!r.rejected().isEmpty())
                    stdout.printf("skipped %d bad rows (first: line %d: %s); see %s%n", r.rejected().size(),
                        r.rejected().get(0).line(), r.rejected().get(0).reason(), r.rejectedFile());
                stdout.flush();
                return 0;
            }
        });
    }
}
