package io.ibex.data;

import io.ibex.framework.error.IbexException;

import java.sql.SQLException;
import java.util.List;

/**
 * The bar store's health for {@code ibex doctor}: the store is opened as a read would open it (file inspected for
 * code, generation compared, leftovers of interrupted imports removed) and every series is read in full and compared
 * with the count and digest recorded at import.
 *
 * @param detail what was found, one line
 */
public record StoreIntegrity(Status status, String detail) {
    public enum Status { OK, MISSING, IN_USE, DAMAGED }

    /** @param dbOrNull {@code --db}/{@code IBEX_DB} value, or null for the default store */
    public static StoreIntegrity check(String dbOrNull) {
        String where;
        try {
            where = StoreLocation.resolve(dbOrNull).display();
            if (!H2BarStore.exists(dbOrNull)) return new StoreIntegrity(Status.MISSING, "no bar store at " + where + " yet");
        } catch (IbexException e) {
            return new StoreIntegrity(Status.DAMAGED, e.getMessage());
        }
        try (H2BarStore store = H2BarStore.openExisting(dbOrNull)) {
            List<SeriesInfo> all = store.verify();
            long bars = all.stream().mapToLong(SeriesInfo::count).sum();
            return new StoreIntegrity(Status.OK, where + ": " + all.size() + " series, " + bars
                + " bars match their recorded counts and digests");
        } catch (IbexException e) {
            boolean inUse = e.getCause() instanceof SQLException s && s.getErrorCode() == 90020;
            return new StoreIntegrity(inUse ? Status.IN_USE : Status.DAMAGED, e.getMessage());
        }
    }
}
