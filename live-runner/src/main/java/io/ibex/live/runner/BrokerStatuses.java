package io.ibex.live.runner;

import io.ibex.framework.domain.ClientOrderId;
import io.ibex.framework.event.OrderStatus;
import io.ibex.live.journal.JournalIntent;
import io.ibex.live.journal.OrderJournal;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.LongSupplier;

/**
 * What the venue did to our working orders without being asked this pass: a DAY order that expired, the other legs of
 * an OCA group or bracket cancelled when one filled, a cancel we requested that is now confirmed, an order the venue
 * deactivated. Fills are not read here (executions carry them, {@link OrderRouter#syncFills}); this reads the live
 * orders listing (1 request per 5 s at IBKR, so sparingly): only while the journal has orders at the venue, and then
 * at once when a fill of a bracket or OCA leg arrived or a cancel is pending, else once every {@value #EVERY_MILLIS} ms.
 * Each terminal change is recorded once.
 */
final class BrokerStatuses {
    /** One order that became CANCELLED or REJECTED at the venue, at {@code timeMillis}. */
    record Change(JournalIntent intent, OrderStatus status, long timeMillis, String note) {}

    private final OrderJournal journal;
    private final OrderGateway gateway;
    /** 60 s: the listing is paced 1 per 5 s and shares it with reconciliation; an expiry need not be seen sooner. */
    static final long EVERY_MILLIS = 60_000;

    private final LongSupplier nowMillis;   // when the venue does not say when
    private final java.time.InstantSource clock;
    private long lastPoll = Long.MIN_VALUE;
    private boolean owed;   // a poll was due while the listing's pacing did not allow one: the next pass makes it

    BrokerStatuses(OrderJournal journal, OrderGateway gateway, LongSupplier nowMillis, java.time.InstantSource clock) {
        this.clock = clock;
        this.journal = journal;
        this.gateway = gateway;
        this.nowMillis = nowMillis;
    }

    /**
     * The terminal changes since the last call, in journal order; nothing (and no request) when no order is at the venue
     * or none is due. {@code groupFilled}: a fill of a bracket or OCA leg arrived this pass.
     */
    List<Change> sync(boolean groupFilled) {
        Map<String, JournalIntent> atVenue = new HashMap<>();
        boolean cancelPending = false;
        for (JournalIntent i : journal.openIntents())
            if (i.brokerOrderId() != null && i.status() != OrderStatus.UNKNOWN) {
                atVenue.put(i.brokerOrderId(), i);
                cancelPending |= i.status() == OrderStatus.PENDING_CANCEL;
            }
        long now = clock.millis();
        boolean due = owed || groupFilled || cancelPending || lastPoll == Long.MIN_VALUE || now - lastPoll >= EVERY_MILLIS;
        if (atVenue.isEmpty() || !due) return List.of();
        if (!gateway.ordersReady()) {
            owed = true;
            return List.of();
        }
        owed = false;
        lastPoll = now;
        List<Change> out = new ArrayList<>();
        for (BrokerOrder o : gateway.liveOrders()) {
            if (o.status() != OrderStatus.CANCELLED && o.status() != OrderStatus.REJECTED) continue;
            JournalIntent i = atVenue.get(o.brokerOrderId());
            if (i == null && o.orderRef() != null && journal.issued(o.orderRef()))
                i = journal.find(new ClientOrderId(o.orderRef())).filter(x -> atVenue.containsKey(x.brokerOrderId())).orElse(null);
            if (i == null) continue;
            String note = o.status() == OrderStatus.CANCELLED ? "cancelled at the broker" : "rejected by the broker (inactive)";
            if (!journal.setStatus(i.id(), o.status(), null, note)) continue;
            out.add(new Change(i, o.status(), o.updatedMillis() > 0 ? o.updatedMillis() : nowMillis.getAsLong(), note));
        }
        out.sort(java.util.Comparator.comparingLong(c -> c.intent().seq()));
        return out;
    }
}
