package io.ibex.data.cli;

import io.ibex.data.H2BarStore;
import picocli.CommandLine.Option;

/** {@code --db}: which bar store. */
public final class DbOption {
    @Option(names = "--db", paramLabel = "PATH|URL",
        description = "Bar store: a file path or jdbc: URL (default: $IBEX_DB, else ~/.ibex/ibex).")
    String db;

    H2BarStore open() { return H2BarStore.open(db); }
}
