package io.ibex.live.journal;

import io.ibex.framework.domain.Fill;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The journal's fills in memory, with the positions and the cash flow they add up to: read once when the journal
 * opens, then kept up to date by each committed fill, so the positions, cash and equity a strategy reads on every bar
 * cost no query (before: a scan of the fill table per read, about ten per order). The table stays the record; this
 * is its cache, in the table's order (execution time, then execution id). Thread-safe.
 */
final class FillBook {
    private static final Comparator<Fill> ORDER = Comparator.comparingLong(Fill::timeMillis).thenComparing(Fill::executionId);

    private final List<Fill> fills = new ArrayList<>();
    private final Map<String, BigDecimal> positions = new HashMap<>();
    private BigDecimal cashFlow = BigDecimal.ZERO;

    FillBook(List<Fill> stored) { stored.forEach(this::add); }

    /** Adds a committed fill in its place. */
    synchronized void add(Fill f) {
        int at = fills.size();
        while (at > 0 && ORDER.compare(fills.get(at - 1), f) > 0) at--;   // fills arrive almost always in order
        fills.add(at, f);
        positions.merge(f.instrument().symbol(), f.signedQuantity(), BigDecimal::add);
        cashFlow = cashFlow.subtract(f.signedQuantity().multiply(f.price())).subtract(f.commission());
    }

    synchronized List<Fill> fills() { return List.copyOf(fills); }

    synchronized BigDecimal position(String symbol) { return positions.getOrDefault(symbol, BigDecimal.ZERO).stripTrailingZeros(); }

    /** What the fills did to cash: minus what buys cost, plus what sells brought, minus commissions. */
    synchronized BigDecimal cashFlow() { return cashFlow; }
}
