package io.ibex.live.market;

import io.ibex.framework.domain.Instrument;
import io.ibex.gateway.SnapshotRow;
import io.ibex.gateway.stream.GatewayStream;
import io.ibex.gateway.stream.OrderUpdate;
import io.ibex.gateway.stream.StreamListener;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Queue;
import java.util.Set;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.LongSupplier;

/**
 * Quotes from the gateway's WebSocket while it is healthy, snapshot polling while it is not. A healthy pass hands over
 * every pushed quote in arrival order (so bars see each tick), then the last merged quote of each instrument that had
 * no push, marked as received now: a quiet stream is not a stale one while heartbeats arrive. An unhealthy pass drops
 * what the stream queued and polls. {@link #mode()} says which, for the status line. Every pass also does the
 * stream's upkeep ({@link GatewayStream#maintain()}). An {@code sor} update for a fill marks fills as due, so the
 * runner can fetch them (the journal stays the authority) without waiting for the next bar.
 */
public final class StreamingQuotes implements QuoteFeed, StreamListener {
    private static final Logger log = LoggerFactory.getLogger(StreamingQuotes.class);
    static final List<Integer> FIELDS = GatewaySnapshots.FIELDS;

    private final SnapshotPoller fallback;
    private final LongSupplier monoNanos;
    private final Map<Long, Instrument> byConid = new HashMap<>();
    private final Queue<SnapshotRow> pushed = new ConcurrentLinkedQueue<>();
    private final AtomicBoolean fillsDue = new AtomicBoolean();
    private GatewayStream stream;
    private volatile String mode = "polling (stream not connected yet)";
    private volatile String lastStatus = "stream not connected yet";
    private boolean streaming;

    /** @param conids the conid of each instrument the runner trades */
    public StreamingQuotes(Map<Instrument, Long> conids, SnapshotPoller fallback, LongSupplier monoNanos) {
        conids.forEach((in, c) -> byConid.put(c, in));
        this.fallback = Objects.requireNonNull(fallback, "fallback");
        this.monoNanos = Objects.requireNonNull(monoNanos, "monoNanos");
    }

    /** Subscribes every instrument (and order updates) on {@code stream}, which must deliver to this listener. */
    public void connect(GatewayStream stream) {
        this.stream = Objects.requireNonNull(stream, "stream");
        for (Long conid : byConid.keySet()) stream.subscribe(conid, FIELDS);
        stream.subscribeOrders();
    }

    @Override public int poll(java.util.function.Consumer<Quote> sink) {
        if (stream != null) stream.maintain();
        boolean healthy = stream != null && stream.healthy();
        if (healthy != streaming) {
            streaming = healthy;
            log.info("market data: {}", healthy ? "streaming over the WebSocket" : "stream unhealthy (" + lastStatus + "); polling snapshots");
        }
        mode = healthy ? "stream" : "polling (" + lastStatus + ")";
        if (!healthy) {
            pushed.clear();
            return fallback.poll(sink);
        }
        long now = monoNanos.getAsLong();
        Set<Long> seen = new HashSet<>();
        int n = 0;
        for (SnapshotRow row; (row = pushed.poll()) != null; n++) {
            Instrument in = byConid.get(row.conid());
            if (in == null) continue;
            sink.accept(GatewaySnapshots.toQuote(in, row, now));
            seen.add(row.conid());
        }
        for (Map.Entry<Long, Instrument> e : byConid.entrySet()) {
            if (seen.contains(e.getKey())) continue;
            SnapshotRow last = stream.quote(e.getKey());
            if (last != null) sink.accept(GatewaySnapshots.toQuote(e.getValue(), last, now));
        }
        return n;
    }

    /** "stream" or "polling (...)". */
    public String mode() { return mode; }

    /** True once after an {@code sor} update reported a fill. */
    public boolean takeFillsDue() { return fillsDue.getAndSet(false); }

    @Override public void onQuote(SnapshotRow merged) { pushed.add(merged); }

    @Override public void onOrder(OrderUpdate update) {
        if (update.filled() || update.filledQuantity().filter(q -> q.signum() > 0).isPresent()) fillsDue.set(true);
    }

    @Override public void onStatus(String status) { lastStatus = status; }
}
