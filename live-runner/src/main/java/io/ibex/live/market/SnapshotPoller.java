package io.ibex.live.market;

import io.ibex.framework.domain.Instrument;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.Consumer;
import java.util.function.LongSupplier;

/**
 * Polls many instruments within the gateway's limits: batches of up to 100 conids per call and a token bucket of
 * {@code requestsPerSecond} (default 6: the gateway allows 10/s, our budget is 8 of which 2 stay reserved for orders,
 * cancels and tickle). A round that runs out of tokens resumes at the next batch on the next call, so a burst never
 * breaches the limit and every instrument is still visited in turn.
 */
public final class SnapshotPoller implements QuoteFeed {
    private final List<List<Instrument>> batches = new ArrayList<>();
    private final SnapshotSource source;
    private final LongSupplier monoNanos;
    private final double ratePerNano;
    private final double capacity;
    private double tokens;
    private long lastRefill;
    private int nextBatch;

    public SnapshotPoller(List<Instrument> instruments, int batchSize, double requestsPerSecond, SnapshotSource source,
                          LongSupplier monoNanos) {
        Objects.requireNonNull(source, "source");
        if (batchSize < 1 || batchSize > SnapshotSource.MAX_CONIDS_PER_CALL)
            throw new IllegalArgumentException("batch size must be 1-100 conids, was " + batchSize);
        if (!(requestsPerSecond > 0 && requestsPerSecond <= 8))
            throw new IllegalArgumentException("snapshot budget must be in (0, 8] requests/s, was " + requestsPerSecond);
        for (int i = 0; i < instruments.size(); i += batchSize)
            batches.add(List.copyOf(instruments.subList(i, Math.min(instruments.size(), i + batchSize))));
        this.source = source;
        this.monoNanos = monoNanos;
        this.ratePerNano = requestsPerSecond / 1e9;
        this.capacity = 1;   // no burst: at most rate + 1 calls fall in any 1 s window
        this.tokens = capacity;
        this.lastRefill = monoNanos.getAsLong();
    }

    public int batchCount() { return batches.size(); }

    /** Calls as many batches as the budget allows (at most one full round); returns how many calls were made. */
    @Override public int poll(Consumer<Quote> sink) {
        refill();
        int calls = 0;
        while (tokens >= 1 && calls < batches.size()) {
            tokens -= 1;
            List<Quote> rows = source.snapshot(batches.get(nextBatch));
            nextBatch = (nextBatch + 1) % batches.size();
            calls++;
            for (Quote q : rows) sink.accept(q);
        }
        return calls;
    }

    private void refill() {
        long now = monoNanos.getAsLong();
        tokens = Math.min(capacity, tokens + (now - lastRefill) * ratePerNano);
        lastRefill = now;
    }
}
