package io.ibex.cli.data;

import io.ibex.data.BarSizes;
import io.ibex.data.H2BarStore;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.time.Duration;
import java.util.Locale;
import java.util.concurrent.Callable;

/** {@code ibex data delete SYM [--bar B]}. */
@Command(name = "delete", mixinStandardHelpOptions = true,
    description = "Delete a symbol's bars (one bar size, or all of them) and their import records.")
public final class DataDeleteCommand implements Callable<Integer> {
    @CommandLine.Spec CommandLine.Model.CommandSpec spec;
    @Mixin DbOption db;

    @Parameters(paramLabel = "SYM", description = "Instrument symbol in the bar store (see: ibex data list).") String symbol;

    @Option(names = "--bar", paramLabel = "SIZE", description = "Only this bar size (default: all).")
    String bar;

    @Override public Integer call() throws Exception {
        return Commands.run(spec, () -> {
            Duration size = bar == null ? null : BarSizes.parse(bar);
            String sym = symbol.trim().toUpperCase(Locale.ROOT);
            String what = size == null ? sym : sym + "@" + BarSizes.format(size);
            try (H2BarStore store = db.openExisting()) {
                int n = store.delete(sym, size);
                if (n == 0) {
                    spec.commandLine().getErr().println("ibex data delete: no bars for " + what + " in the bar store at "
                        + store.location() + " (see: ibex data list)");
                    return Commands.FAILED;
                }
                spec.commandLine().getOut().println("deleted " + n + " bars of " + what + " from " + store.location());
                return 0;
            }
        });
    }
}
