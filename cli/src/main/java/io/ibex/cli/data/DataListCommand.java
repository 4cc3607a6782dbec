package io.ibex.cli.data;

import io.ibex.data.BarSizes;
import io.ibex.data.H2BarStore;
import io.ibex.data.SeriesInfo;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

import java.io.PrintWriter;
import java.util.List;
import java.util.concurrent.Callable;

/** {@code ibex data list}: one line per stored series. */
@Command(name = "list", mixinStandardHelpOptions = true, description = "List the series in the bar store.")
public final class DataListCommand implements Callable<Integer> {
    @CommandLine.Spec CommandLine.Model.CommandSpec spec;
    @Mixin DbOption db;

    @Override public Integer call() throws Exception {
        return Commands.run(spec, () -> {
            PrintWriter out = spec.commandLine().getOut();
            if (!db.exists() && !db.given()) {
                out.println("there is no bar store at " + db.location() + " yet; add bars with:"
                    + " ibex data import FILE --symbol SYM");
                out.flush();
                return 0;
            }
            try (H2BarStore store = db.openExisting()) {
                List<SeriesInfo> all = store.list();
                if (all.isEmpty()) {
                    out.println("the bar store at " + store.location() + " is empty; add bars with:"
                        + " ibex data import FILE --symbol SYM");
                } else {
                    out.printf("%-12s %-5s %-24s %-24s %10s%n", "SYMBOL", "BAR", "FIRST", "LAST", "BARS");
                    for (SeriesInfo s : all)
                        out.printf("%-12s %-5s %-24s %-24s %10d%n", s.symbol(), BarSizes.format(s.barSize()),
                            TimeText.of(s.firstTime(), s.barSize()), TimeText.of(s.lastTime(), s.barSize()), s.count());
                }
                out.flush();
                return 0;
            }
        });
    }
}
