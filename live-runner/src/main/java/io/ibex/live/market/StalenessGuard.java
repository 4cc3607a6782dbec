package io.ibex.live.market;

import io.ibex.framework.domain.Instrument;
import io.ibex.live.risk.MarketView;

import java.util.EnumSet;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongSupplier;

/**
 * The last quote per instrument and its age on the monotonic clock (P3): older than {@code maxSnapshotAge} adds
 * STALE, and server timestamps are never used, so server clock skew cannot make data look fresh.
 */
public final class StalenessGuard {
    private final Map<Instrument, Quote> last = new ConcurrentHashMap<>();
    private final LongSupplier monoNanos;
    private final long maxAgeMillis;

    public StalenessGuard(long maxAgeMillis, LongSupplier monoNanos) {
        if (maxAgeMillis <= 0) throw new IllegalArgumentException("max snapshot age must be positive, was " + maxAgeMillis);
        this.maxAgeMillis = maxAgeMillis;
        this.monoNanos = monoNanos;
    }

    public void onQuote(Quote q) {
        // a pre-flight or absent price never replaces a real one, but its flags (C/H) do
        Quote prev = last.get(q.instrument());
        if (prev != null && Double.isNaN(q.last()) && q.flags().contains(QuoteFlag.PREFLIGHT)) return;
        last.put(q.instrument(), q);
    }

    /** What risk sees for {@code instrument}; no quote yet = STALE with no price. */
    public MarketView view(Instrument instrument) {
        Quote q = last.get(instrument);
        if (q == null) return new MarketView(Double.NaN, Long.MAX_VALUE, EnumSet.of(QuoteFlag.STALE));
        long ageMillis = (monoNanos.getAsLong() - q.receivedNanos()) / 1_000_000;
        EnumSet<QuoteFlag> flags = q.flags().isEmpty() ? EnumSet.noneOf(QuoteFlag.class) : EnumSet.copyOf(q.flags());
        if (ageMillis > maxAgeMillis) flags.add(QuoteFlag.STALE);
        return new MarketView(q.last(), ageMillis, flags);
    }
}
