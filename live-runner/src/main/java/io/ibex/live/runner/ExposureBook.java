package io.ibex.live.runner;

import io.ibex.framework.domain.Instrument;
import io.ibex.framework.domain.Side;
import io.ibex.live.journal.JournalIntent;
import io.ibex.live.journal.OrderJournal;
import io.ibex.live.risk.Exposure;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Worst-case exposure per instrument (P4): the position (the broker's baseline at the journal's first reconciliation
 * plus the journal's fills), our open intents' remaining quantity (UNKNOWN counted as fully unfilled-but-live, i.e.
 * as if it will fill; the legs of one OCA group or bracket exit pair, of which at most one fills, as their largest),
 * and foreign orders seen at the last reconciliation.
 */
public final class ExposureBook {
    private final OrderJournal journal;
    private volatile List<BrokerOrder> foreign = List.of();
    private final Map<String, BigDecimal> baseline = new ConcurrentHashMap<>();

    public ExposureBook(OrderJournal journal) { this.journal = journal; }

    void setForeign(List<BrokerOrder> orders) { this.foreign = List.copyOf(orders); }

    public List<BrokerOrder> foreign() { return foreign; }

    void setBaseline(String symbol, BigDecimal qty) { baseline.put(symbol, qty); }

    public BigDecimal baseline(String symbol) { return baseline.getOrDefault(symbol, BigDecimal.ZERO); }

    /** Expected broker position: baseline plus our fills. */
    public BigDecimal position(Instrument instrument) {
        return baseline(instrument.symbol()).add(journal.position(instrument.symbol()));
    }

    public Exposure of(Instrument instrument) { return of(instrument, null); }

    /**
     * As {@link #of(Instrument)}, leaving out the open legs of OCA group {@code newLegsGroup} (null: none): the exposure
     * a new leg of that group adds to, since at most one leg of a group fills. Each other group counts, per side, as
     * its largest leg.
     */
    public Exposure of(Instrument instrument, String newLegsGroup) {
        BigDecimal buy = BigDecimal.ZERO, sell = BigDecimal.ZERO;
        Map<String, BigDecimal[]> groups = new java.util.HashMap<>();   // group -> {largest buy, largest sell}
        for (JournalIntent i : journal.openIntents()) {
            if (!i.draft().instrument().symbol().equals(instrument.symbol())) continue;
            BigDecimal rem = i.remainingQuantity();
            int side = i.draft().side() == Side.BUY ? 0 : 1;
            String g = i.draft().ocaGroup();
            if (g == null) {
                if (side == 0) buy = buy.add(rem); else sell = sell.add(rem);
            } else if (!g.equals(newLegsGroup)) {
                BigDecimal[] m = groups.computeIfAbsent(g, k -> new BigDecimal[] {BigDecimal.ZERO, BigDecimal.ZERO});
                m[side] = m[side].max(rem);
            }
        }
        for (BigDecimal[] m : groups.values()) {
            buy = buy.add(m[0]);
            sell = sell.add(m[1]);
        }
        for (BrokerOrder o : foreign) {
            if (!o.instrument().symbol().equals(instrument.symbol()) || o.status().isTerminal()) continue;
            if (o.side() == Side.BUY) buy = buy.add(o.remaining()); else sell = sell.add(o.remaining());
        }
        return new Exposure(position(instrument), buy, sell);
    }
}
