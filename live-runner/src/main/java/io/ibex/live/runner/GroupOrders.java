package io.ibex.live.runner;

import io.ibex.framework.domain.ClientOrderId;
import io.ibex.framework.domain.Instrument;
import io.ibex.framework.domain.OrderRequest;
import io.ibex.framework.domain.OrderType;
import io.ibex.framework.domain.TimeInForce;
import io.ibex.framework.event.OrderStatus;
import io.ibex.live.journal.IntentDraft;
import io.ibex.live.journal.JournalIntent;
import io.ibex.live.journal.OrderJournal;
import io.ibex.live.market.StalenessGuard;
import io.ibex.live.risk.MarketView;
import io.ibex.live.risk.OrderCheck;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * How {@link LiveContext} places orders: one order, a bracket (entry, take-profit, stop-loss as one ticket; the exits
 * name the entry as parent and share the OCA group {@code bracket-<entry cOID>}, as the backtest names it), an OCO leg,
 * or a modify. Every leg passes risk and is journaled before anything is sent; one denied leg denies its whole group
 * (legs already journaled are recorded as not sent). A bracket's exits are checked against the entry's price, not the
 * last trade, since they work only once the entry filled. OCO legs are collected while the strategy decides and go out
 * as one ticket per group when its events are drained (IBKR forms an OCA group from the legs of one ticket only).
 */
final class GroupOrders {
    /** One order of a group, as the strategy gave it. */
    record Leg(OrderCheck check, TimeInForce tif) {}

    private record Pending(Leg leg, JournalIntent intent) {}

    private final LiveContext ctx;
    private final OrderJournal journal;
    private final OrderRouter router;
    private final StalenessGuard guard;
    private final EventLog events;
    private final LiveContext.StrategyStamp stamp;
    private final Map<String, List<Pending>> oco = new LinkedHashMap<>();
    private long denied;

    GroupOrders(LiveContext ctx, OrderJournal journal, OrderRouter router, StalenessGuard guard, EventLog events,
                LiveContext.StrategyStamp stamp) {
        this.ctx = ctx;
        this.journal = journal;
        this.router = router;
        this.guard = guard;
        this.events = events;
        this.stamp = stamp;
    }

    /** One order ({@code bracket} false, one leg) or a bracket (three legs, entry first); the legs' ids, in order. */
    List<ClientOrderId> place(List<Leg> legs, boolean bracket) {
        Instrument instrument = legs.get(0).check().instrument();
        MarketView view = guard.view(instrument);
        BigDecimal equity = ctx.equityDecimal();
        List<RouteResult> admitted = new ArrayList<>();
        ClientOrderId parent = null;
        String group = null;
        for (int k = 0; k < legs.size(); k++) {
            Leg leg = legs.get(k);
            MarketView v = k == 0 ? view : new MarketView(reference(legs.get(0).check(), view), view.ageMillis(), view.flags());
            ClientOrderId p = parent;
            String g = group;
            RouteResult r = router.admit(leg.check(), q -> draft(leg, q).linked(p, g), v, equity, g);
            admitted.add(r);
            if (r instanceof RouteResult.Denied) break;
            if (bracket && k == 0) {
                parent = id(r);
                group = "bracket-" + parent.value();
            }
        }
        long now = ctx.now();
        List<ClientOrderId> ids = new ArrayList<>();
        RouteResult.Denied denial = admitted.stream().filter(r -> r instanceof RouteResult.Denied)
            .map(r -> (RouteResult.Denied) r).findFirst().orElse(null);
        if (denial != null) {
            router.abandon(admitted.stream().filter(r -> r instanceof RouteResult.Routed).map(GroupOrders::id).toList(),
                "another leg of its bracket was denied");
            for (int k = 0; k < legs.size(); k++) {
                ClientOrderId id = k < admitted.size() && !(admitted.get(k) instanceof RouteResult.Denied) ? id(admitted.get(k))
                    : new ClientOrderId("denied-" + ++denied);
                events.rejected(legs.get(k).check(), id, now, denial.denial().toString());
                ids.add(remember(id, legs.get(k)));
            }
            return ids;
        }
        List<JournalIntent> toSend = new ArrayList<>();
        for (int k = 0; k < legs.size(); k++) {
            RouteResult r = admitted.get(k);
            if (r instanceof RouteResult.Shadowed s) events.shadowed(legs.get(k).check(), s.id(), now);
            else toSend.add(journal.find(id(r)).orElseThrow());
            ids.add(remember(id(r), legs.get(k)));
        }
        if (!toSend.isEmpty()) logSent(legs, router.sendGroup(toSend), now);
        return ids;
    }

    /** An OCO leg: admitted and journaled now, sent with the other legs of its group when events are drained. */
    ClientOrderId oco(String group, Leg leg) {
        if (group == null || group.isBlank()) throw new IllegalArgumentException("OCO group name must not be blank");
        for (JournalIntent i : journal.openIntents())
            if (group.equals(i.draft().ocaGroup()) && !oco.containsKey(group))
                throw new IllegalArgumentException("OCO group '" + group + "' was already sent; IBKR cannot add an order to a sent"
                    + " OCA group: submit all its orders while deciding on the same bar, or use a new group name");
        RouteResult r = router.admit(leg.check(), q -> draft(leg, q).linked(null, group), guard.view(leg.check().instrument()),
            ctx.equityDecimal(), group);
        switch (r) {
            case RouteResult.Denied d -> {
                ClientOrderId id = new ClientOrderId("denied-" + ++denied);
                events.rejected(leg.check(), id, ctx.now(), d.denial().toString());
                return remember(id, leg);
            }
            case RouteResult.Shadowed s -> events.shadowed(leg.check(), s.id(), ctx.now());
            case RouteResult.Routed routed -> oco.computeIfAbsent(group, g -> new ArrayList<>())
                .add(new Pending(leg, journal.find(routed.id()).orElseThrow()));
        }
        return remember(id(r), leg);
    }

    /** Cancels an OCO leg that was collected but not sent yet; false when {@code id} is not one. */
    boolean cancelUnsent(ClientOrderId id) {
        for (List<Pending> g : oco.values())
            for (Pending p : g)
                if (p.intent().id().equals(id)) {
                    g.remove(p);
                    oco.values().removeIf(List::isEmpty);
                    router.abandon(List.of(id), "cancelled by the strategy before its group was sent");
                    events.cancelled(journal.find(id).orElseThrow(), ctx.now(), "cancelled before it was sent");
                    return true;
                }
        return false;
    }

    /** Sends every collected OCO group, one ticket each. */
    void flushOco() {
        if (oco.isEmpty()) return;
        List<List<Pending>> groups = new ArrayList<>(oco.values());
        oco.clear();
        for (List<Pending> g : groups)
            logSent(g.stream().map(Pending::leg).toList(), router.sendGroup(g.stream().map(Pending::intent).toList()), ctx.now());
    }

    boolean modify(ClientOrderId id, double quantity, double limitPrice, double stopPrice) {
        JournalIntent i = journal.find(id).orElse(null);
        if (i == null || i.status().isTerminal() || i.status() == OrderStatus.UNKNOWN || i.brokerOrderId() == null) return false;
        IntentDraft d = i.draft();
        if (!Double.isNaN(quantity) && !(quantity > 0 && Double.isFinite(quantity)))
            throw new IllegalArgumentException("modify of " + id + ": quantity must be positive, was " + quantity);
        BigDecimal q = Double.isNaN(quantity) ? d.quantity() : BigDecimal.valueOf(quantity).stripTrailingZeros();
        BigDecimal l = Double.isNaN(limitPrice) ? d.limitPrice() : EventLog.decimal(limitPrice);
        BigDecimal s = Double.isNaN(stopPrice) ? d.stopPrice() : EventLog.decimal(stopPrice);
        OrderRequest changed = new OrderRequest(id, d.instrument(), d.side(), q, d.type(), l, s, d.tif(), d.parentId(), d.ocaGroup());
        OrderCheck check = new OrderCheck(d.instrument(), d.side(), q.doubleValue(), d.type(), l == null ? Double.NaN : l.doubleValue(),
            s == null ? Double.NaN : s.doubleValue());
        MarketView view = guard.view(d.instrument());
        if (d.parentId() != null) view = new MarketView(check.type() == OrderType.LMT ? check.limitPrice() : check.stopPrice(),
            view.ageMillis(), view.flags());
        return router.modify(i, changed, check, view, ctx.equityDecimal());
    }

    private void logSent(List<Leg> legs, List<RouteResult> results, long now) {
        int k = 0;
        for (RouteResult r : results) {
            Leg leg = legs.get(k++);
            ClientOrderId id = id(r);
            events.submitted(leg.check(), id, now, "");
            if (r instanceof RouteResult.Routed routed && routed.status() == OrderStatus.REJECTED)
                events.rejected(leg.check(), id, now, "broker rejected");
            else events.accepted(id, now, journal.find(id).map(JournalIntent::brokerOrderId).orElse(null));
        }
    }

    private IntentDraft draft(Leg leg, BigDecimal q) {
        OrderCheck c = leg.check();
        return new IntentDraft(stamp.name(), stamp.version(), stamp.sha256(), c.instrument(), c.side(), q.stripTrailingZeros(),
            c.type(), EventLog.decimal(c.limitPrice()), EventLog.decimal(c.stopPrice()), leg.tif());
    }

    /** The price a bracket's exits are judged against: the entry's limit, else its stop, else the last trade. */
    private static double reference(OrderCheck entry, MarketView view) {
        if (Double.isFinite(entry.limitPrice()) && entry.limitPrice() > 0) return entry.limitPrice();
        if (Double.isFinite(entry.stopPrice()) && entry.stopPrice() > 0) return entry.stopPrice();
        return view.last();
    }

    private ClientOrderId remember(ClientOrderId id, Leg leg) {
        ctx.instrumentOf.put(id, leg.check().instrument());
        return id;
    }

    private static ClientOrderId id(RouteResult r) {
        return switch (r) {
            case RouteResult.Routed x -> x.id();
            case RouteResult.Shadowed x -> x.id();
            case RouteResult.Denied x -> throw new IllegalStateException("a denied order has no id");
        };
    }
}
