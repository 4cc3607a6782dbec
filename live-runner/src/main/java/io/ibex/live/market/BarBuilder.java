package io.ibex.live.market;

import io.ibex.framework.domain.Instrument;
import io.ibex.framework.port.MarketData;

import java.util.HashMap;
import java.util.Map;
import java.util.Objects;

/**
 * Turns snapshots into CLOSED bars of one size, aligned to epoch multiples of the bar size, on an injected clock:
 * {@link #advanceTo} emits every bar whose end is at or before now, labelled with its start time like the
 * tick-to-bar importer. Only tradable prices (no C/H/pre-flight/stale flag) update a bar; a bar with no tradable
 * price is not emitted (no invented bars). Volume is the increase of the day's cumulative volume.
 */
public final class BarBuilder {
    private final long barMillis;
    private final MarketData.BarListener listener;
    private final Map<Instrument, Partial> partials = new HashMap<>();

    public BarBuilder(long barMillis, MarketData.BarListener listener) {
        if (barMillis <= 0) throw new IllegalArgumentException("bar size must be positive, was " + barMillis + " ms");
        this.barMillis = barMillis;
        this.listener = Objects.requireNonNull(listener, "listener");
    }

    /** Adds one snapshot taken at wall time {@code wallMillis}; closes earlier bars first. */
    public void onQuote(Quote q, long wallMillis) {
        advanceTo(wallMillis);
        Partial p = partials.computeIfAbsent(q.instrument(), k -> new Partial());
        if (!Double.isNaN(q.cumulativeVolume())) {
            if (!Double.isNaN(p.lastCumVolume) && q.cumulativeVolume() >= p.lastCumVolume && p.open > 0)
                p.volume += q.cumulativeVolume() - p.lastCumVolume;
            p.lastCumVolume = q.cumulativeVolume();
        }
        if (!q.tradable()) return;
        long start = Math.floorDiv(wallMillis, barMillis) * barMillis;
        double px = q.last();
        if (p.open > 0 && p.start == start) {
            p.high = Math.max(p.high, px);
            p.low = Math.min(p.low, px);
            p.close = px;
        } else {
            p.start = start;
            p.open = p.high = p.low = p.close = px;
            p.volume = 0;
        }
    }

    /** Emits the bars that closed at or before {@code wallMillis}. */
    public void advanceTo(long wallMillis) {
        for (Map.Entry<Instrument, Partial> e : partials.entrySet()) {
            Partial p = e.getValue();
            if (p.open > 0 && p.start + barMillis <= wallMillis) {
                listener.onBar(e.getKey(), p.start, p.open, p.high, p.low, p.close, p.volume);
                p.open = 0;
                p.volume = 0;
            }
        }
    }

    private static final class Partial {
        long start;
        double open, high, low, close, volume;
        double lastCumVolume = Double.NaN;
    }
}
