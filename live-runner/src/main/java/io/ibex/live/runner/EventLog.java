package io.ibex.live.runner;

import io.ibex.framework.domain.ClientOrderId;
import io.ibex.framework.domain.Fill;
import io.ibex.framework.event.OrderEvent;
import io.ibex.live.journal.IntentDraft;
import io.ibex.live.journal.JournalIntent;
import io.ibex.live.risk.OrderCheck;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

/**
 * The live run's orders.csv rows and the queue of {@link OrderEvent}s for the strategy, written together so the two
 * always tell the same story. A row's price is the order's limit, else its stop (the backtest's column), else empty.
 */
final class EventLog {
    private final List<OrderLogRow> rows = new ArrayList<>();
    private final List<OrderEvent> pending = new ArrayList<>();

    void submitted(OrderCheck c, ClientOrderId id, long now, String note) {
        rows.add(row(c, id, "submitted", now, note));
        pending.add(new OrderEvent.Submitted(id, now));
    }

    void accepted(ClientOrderId id, long now, String brokerOrderId) { pending.add(new OrderEvent.Accepted(id, now, brokerOrderId)); }

    void rejected(OrderCheck c, ClientOrderId id, long now, String reason) {
        rows.add(row(c, id, "rejected", now, reason));
        pending.add(new OrderEvent.Rejected(id, now, reason));
    }

    /** Shadow mode: journaled, never sent. */
    void shadowed(OrderCheck c, ClientOrderId id, long now) {
        submitted(c, id, now, "shadow: not sent");
        pending.add(new OrderEvent.Cancelled(id, now, "shadow: not sent"));
    }

    void filled(Fill f, JournalIntent i) {
        rows.add(new OrderLogRow(f.timeMillis(), f.orderId(), "filled", f.side(), f.quantity(), i.draft().type(), f.price(),
            f.commission(), "", f.instrument()));
        pending.add(new OrderEvent.Filled(f.orderId(), f.timeMillis(), f, i.remainingQuantity()));
    }

    void cancelled(JournalIntent i, long at, String note) {
        IntentDraft d = i.draft();
        rows.add(new OrderLogRow(at, i.id(), "cancelled", d.side(), d.quantity(), d.type(), price(d.limitPrice(), d.stopPrice()),
            null, note, d.instrument()));
        pending.add(new OrderEvent.Cancelled(i.id(), at, note));
    }

    /** A rejection the venue reported later (an order it deactivated). */
    void rejectedLater(JournalIntent i, long at, String note) {
        IntentDraft d = i.draft();
        rows.add(new OrderLogRow(at, i.id(), "rejected", d.side(), d.quantity(), d.type(), price(d.limitPrice(), d.stopPrice()),
            null, note, d.instrument()));
        pending.add(new OrderEvent.Rejected(i.id(), at, note));
    }

    List<OrderLogRow> rows() { return List.copyOf(rows); }

    List<OrderEvent> drain() {
        List<OrderEvent> out = List.copyOf(pending);
        pending.clear();
        return out;
    }

    /** A row for an order that has not filled: no commission. */
    private static OrderLogRow row(OrderCheck c, ClientOrderId id, String event, long now, String note) {
        BigDecimal q = Double.isFinite(c.quantity()) ? BigDecimal.valueOf(c.quantity()).stripTrailingZeros() : BigDecimal.ZERO;
        return new OrderLogRow(now, id, event, c.side(), q, c.type(), price(decimal(c.limitPrice()), decimal(c.stopPrice())), null,
            note, c.instrument());
    }

    private static BigDecimal price(BigDecimal limit, BigDecimal stop) { return limit != null ? limit : stop; }

    static BigDecimal decimal(double price) { return Double.isFinite(price) ? BigDecimal.valueOf(price).stripTrailingZeros() : null; }
}
