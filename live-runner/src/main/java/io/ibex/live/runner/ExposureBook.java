package io.ibex.live.runner;

import io.ibex.framework.domain.Instrument;
import io.ibex.framework.domain.Side;
import io.ibex.framework.event.OrderStatus;
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
 * as if it will fill), and foreign orders seen at the last reconciliation.
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

    public Exposure of(Instrument instrument) {
        BigDecimal buy = BigDecimal.ZERO, sell = BigDecimal.ZERO;
        for (JournalIntent i : journal.openIntents()) {
            if (!i.draft().instrument().symbol().equals(instrument.symbol())) continue;
            BigDecimal rem = i.remainingQuantity();
            if (i.draft().side() == Side.BUY) buy = buy.add(rem); else sell = sell.add(rem);
        }
        for (BrokerOrder o : foreign) {
            if (!o.instrument().symbol().equals(instrument.symbol()) || o.status().isTerminal()) continue;
            if (o.side() == Side.BUY) buy = buy.add(o.remaining()); else sell = sell.add(o.remaining());
        }
        return new Exposure(position(instrument), buy, sell);
    }
}
