package io.ibex.cli.data;

import io.ibex.data.H2BarStore;
import io.ibex.data.StoreLocation;
import picocli.CommandLine.Option;

/** {@code --db}: which bar store. */
public final class DbOption {
    @Option(names = "--db", paramLabel = "PATH|URL",
        description = "Bar store: a file path or jdbc: URL (default: $IBEX_DB, else $IBEX_HOME/ibex, else ~/.ibex/ibex).")
    String db;

    /** For writing: creates the store (and its directory) when it does not exist yet. */
    H2BarStore open() { return H2BarStore.open(db); }

    /** For reading: refuses a store that does not exist, creating nothing. */
    H2BarStore openExisting() { return H2BarStore.openExisting(db); }

    /** Whether the store's file exists (in-memory stores always do). */
    boolean exists() { return H2BarStore.exists(db); }

    /** Whether the store was named (--db or IBEX_DB) rather than the default. */
    boolean given() {
        return db != null && !db.isBlank() || System.getenv(StoreLocation.ENV) != null && !System.getenv(StoreLocation.ENV).isBlank();
    }

    String location() { return StoreLocation.resolve(db).display(); }
}
