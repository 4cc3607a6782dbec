package io.ibex.sim;

import io.ibex.execution.BarFillRules;

import java.time.Instant;
import java.time.LocalTime;
import java.time.ZonedDateTime;
import java.util.List;

/**
 * The matching engine of §3.4. Runs on acceptance and on every tick move: MKT at the touch, LMT when the touch crosses,
 * STP/STOP_LIMIT once triggered by the last trade, bracket children released by the parent's fill, OCA cancels.
 * With {@link SimulatorBuilder#pathFills()} (replays of bars) a tick move while the market trades is a straight path
 * from the previous tick: a resting LMT/STP fills at its own price where the path reaches it, in the order the path
 * reaches them, and a child released on the way fills at once where it is already marketable; only a move across a
 * halt (or the first tick) is a gap, filled at the touch. With {@link SimulatorBuilder#utcDayExpiry()} a DAY order
 * (not MKT) dies at the first tick of a later UTC day than the one it first could match on, as the backtest's do.
 */
final class Matcher {
    private final GatewaySimulator sim;

    Matcher(GatewaySimulator sim) { this.sim = sim; }

    /** Matches every open order on this market; repeats while fills release bracket children. */
    void run(Market m) {
        long now = sim.nowMillis();
        if (m.halted || m.current() == null) {
            m.pathFrom = Double.NaN;   // the next move is a gap
            return;
        }
        if (sim.options.utcDayExpiry) expireUtcDay(m, now);
        if (sim.options.pathFills && !Double.isNaN(m.pathFrom) && sim.options.partialFillsMax == 0 && !m.closed(now))
            walk(m, m.pathFrom, m.current().last(), now);
        m.pathFrom = m.current().last();
        boolean changed = true;
        java.util.Set<SimOrder> filled = new java.util.HashSet<>();   // at most one fill per order per tick
        for (int pass = 0; changed && pass < 10; pass++) {
            changed = false;
            for (SimOrder o : sim.backend.openOrders(m.instrument.conid))
                if (!filled.contains(o) && step(o, m, now)) {
                    filled.add(o);
                    changed = true;
                }
        }
    }

    private boolean step(SimOrder o, Market m, long now) {
        if (o.waitingForParent || "PendingSubmit".equals(o.status)) return false;
        Tick t = m.current();
        if (t == null || m.halted) return false;
        boolean closed = m.closed(now);
        if (closed && !o.outsideRth) return false;
        if ("PreSubmitted".equals(o.status) && !needsTrigger(o)) o.status = "Submitted";
        if (needsTrigger(o) && !o.triggered) {
            double trigger = "STP".equals(o.type) ? o.price : o.auxPrice;
            boolean hit = o.isBuy() ? t.last() >= trigger : t.last() <= trigger;
            if (!hit) return false;
            o.triggered = true;
            if ("PreSubmitted".equals(o.status)) o.status = "Submitted";
        }
        double touch = o.isBuy() ? t.ask() : t.bid();
        boolean marketable = switch (o.type) {
            case "MKT", "STP" -> true;
            case "LMT", "STOP_LIMIT" -> o.isBuy() ? touch <= o.price : touch >= o.price;
            default -> false;
        };
        if (!marketable) return false;
        double qty = o.remaining();
        if (sim.options.partialFillsMax > 0) {
            long shown = o.isBuy() ? t.askSize() : t.bidSize();
            qty = Math.min(qty, Math.min(sim.options.partialFillsMax, Math.max(1, shown)));
        }
        if (qty <= 0) return false;
        sim.backend.fill(o, qty, touch, now, sim.options.positionsCacheLag.toMillis());
        if ("Filled".equals(o.status)) afterFill(o, now);
        return true;
    }

    /** Fills, along the straight move from {@code from} to {@code to}, each resting LMT/STP order in the order it is reached. */
    private void walk(Market m, double from, double to, long now) {
        double pos = from;
        java.util.Set<SimOrder> done = new java.util.HashSet<>();
        while (true) {
            SimOrder best = null;
            double bestDistance = Double.POSITIVE_INFINITY;
            for (SimOrder o : sim.backend.openOrders(m.instrument.conid)) {
                if (done.contains(o) || o.waitingForParent || "PendingSubmit".equals(o.status)) continue;
                if (!"LMT".equals(o.type) && !"STP".equals(o.type)) continue;
                double distance = BarFillRules.reachedAfter(o.isBuy(), "LMT".equals(o.type), o.price, pos, to);
                if (distance < 0) continue;
                if (distance < bestDistance) {
                    best = o;
                    bestDistance = distance;
                }
            }
            if (best == null) return;
            if (bestDistance > 0) pos = best.price;
            if ("STP".equals(best.type)) best.triggered = true;
            if ("PreSubmitted".equals(best.status)) best.status = "Submitted";
            done.add(best);
            sim.backend.fill(best, best.remaining(), pos, now, sim.options.positionsCacheLag.toMillis());
            if ("Filled".equals(best.status)) afterFill(best, now);
        }
    }

    private void expireUtcDay(Market m, long now) {
        long day = Math.floorDiv(now, 86_400_000L);
        for (SimOrder o : sim.backend.openOrders(m.instrument.conid)) {
            if (!"DAY".equals(o.tif) || "MKT".equals(o.type) || o.waitingForParent) continue;
            if (o.activeUtcDay == Long.MIN_VALUE) o.activeUtcDay = day;
            else if (day != o.activeUtcDay) cancelNow(o, now);
        }
    }

    private static boolean needsTrigger(SimOrder o) { return "STP".equals(o.type) || "STOP_LIMIT".equals(o.type); }

    private void afterFill(SimOrder o, long now) {
        for (SimOrder child : sim.backend.orders.values()) {
            if (child.parentOrderId != null && child.parentOrderId == o.orderId && child.waitingForParent) {
                child.waitingForParent = false;
                child.status = needsTrigger(child) ? "PreSubmitted" : "Submitted";
            }
        }
        if (o.ocaGroup != null) {
            for (SimOrder other : sim.backend.orders.values())
                if (other != o && o.ocaGroup.equals(other.ocaGroup) && other.isOpen() && !other.waitingForParent)
                    cancelNow(other, now);
        }
    }

    void cancelNow(SimOrder o, long now) {
        o.status = "Cancelled";
        o.terminalAtMillis = now;
        for (SimOrder child : sim.backend.orders.values())
            if (child.parentOrderId != null && child.parentOrderId == o.orderId && child.isOpen()) cancelNow(child, now);
    }

    /** IOC remainders die at once; DAY orders die at the RTH close of the day they were created. */
    void expire(List<SimOrder> orders, long now) {
        for (SimOrder o : orders) {
            if (!o.isOpen()) continue;
            if ("DAY".equals(o.tif) && Boolean.FALSE != sim.marketOf(o.conid).closedOverride && now >= dayClose(o.createdAtMillis))
                cancelNow(o, now);
        }
    }

    static long dayClose(long createdMillis) {
        ZonedDateTime c = Instant.ofEpochMilli(createdMillis).atZone(Market.NEW_YORK);
        ZonedDateTime close = c.toLocalDate().atTime(LocalTime.of(16, 0)).atZone(Market.NEW_YORK);
        if (!c.isBefore(close)) close = close.plusDays(1);
        return close.toInstant().toEpochMilli();
    }
}
