package io.ibex.live.market;

import io.ibex.framework.domain.Instrument;
import io.ibex.gateway.FieldValue;
import io.ibex.gateway.GatewayClient;
import io.ibex.gateway.SnapshotRow;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.LongSupplier;

/**
 * {@link SnapshotSource} over the gateway client: fields 31 (last, C/H prefixes become flags), 7762 (day volume) and
 * 6509 (availability: anything but real-time R is NOT_REALTIME). A missing price is NaN, never 0; a field-less row is
 * PREFLIGHT.
 */
public final class GatewaySnapshots implements SnapshotSource {
    static final List<Integer> FIELDS = List.of(31, 7762, 6509);
    private final GatewayClient client;
    private final LongSupplier monoNanos;
    private final Map<Instrument, Long> conids = new java.util.concurrent.ConcurrentHashMap<>();   // prime() runs on the keeper thread

    public GatewaySnapshots(GatewayClient client, LongSupplier monoNanos) {
        this.client = client;
        this.monoNanos = monoNanos;
    }

    @Override public List<Quote> snapshot(List<Instrument> batch) {
        List<Long> ids = new ArrayList<>(batch.size());
        Map<Long, Instrument> back = new HashMap<>();
        for (Instrument in : batch) {
            long c = conids.computeIfAbsent(in, i -> client.resolveConid(i.symbol()));
            ids.add(c);
            back.put(c, in);
        }
        List<Quote> out = new ArrayList<>();
        long now = monoNanos.getAsLong();
        for (SnapshotRow row : client.snapshot(ids, FIELDS)) {
            Instrument in = back.get(row.conid());
            if (in == null) continue;
            out.add(toQuote(in, row, now));
        }
        return out;
    }

    /** Re-opens the streams after a (re)authentication: the gateway's first snapshot per conid is a pre-flight. */
    public void prime(List<Instrument> instruments) { snapshot(instruments); }

    static Quote toQuote(Instrument in, SnapshotRow row, long now) {
        EnumSet<QuoteFlag> flags = EnumSet.noneOf(QuoteFlag.class);
        if (row.isPreflight()) flags.add(QuoteFlag.PREFLIGHT);
        double last = Double.NaN;
        FieldValue v = row.field(31).orElse(null);
        if (v instanceof FieldValue.Live l) last = l.value();
        else if (v instanceof FieldValue.PriorClose p) { last = p.value(); flags.add(QuoteFlag.PRIOR_CLOSE); }
        else if (v instanceof FieldValue.Halted h) { last = h.number().orElse(Double.NaN); flags.add(QuoteFlag.HALTED); }
        String avail = row.text(6509).orElse("R");
        if (!avail.isEmpty() && avail.charAt(0) != 'R') flags.add(QuoteFlag.NOT_REALTIME);
        double vol = row.field(7762).flatMap(f -> { var n = f.number(); return n.isPresent() ? java.util.Optional.of(n.getAsDouble()) : java.util.Optional.empty(); })
            .orElse(Double.NaN);
        return new Quote(in, last, vol, flags, now);
    }
}
