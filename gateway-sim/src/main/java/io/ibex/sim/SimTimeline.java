package io.ibex.sim;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.PriorityQueue;

/**
 * The simulator's time: timers, the session's idle and age deadlines, the nightly reset, and the market cursors,
 * run in time order whenever the clock moves. Called under the simulator's lock.
 */
final class SimTimeline {
    private record Timer(long at, long seq, Runnable action) {}

    private final GatewaySimulator sim;
    private final PriorityQueue<Timer> timers = new PriorityQueue<>((a, b) ->
        a.at != b.at ? Long.compare(a.at, b.at) : Long.compare(a.seq, b.seq));
    private long timerSeq;
    private long nextNightlyMillis;

    SimTimeline(GatewaySimulator sim) { this.sim = sim; }

    void start(long now) { nextNightlyMillis = nextNightlyAfter(now); }

    void schedule(Duration after, Runnable action) {
        timers.add(new Timer(sim.nowMillis() + after.toMillis(), timerSeq++, action));
    }

    /** Runs every due timer and deadline in time order, moving the market up to each, then to now. */
    void onTime() {
        long now = sim.nowMillis();
        for (int guard = 0; guard < 100_000; guard++) {
            long best = Long.MAX_VALUE;
            Runnable action = null;
            Timer t = timers.peek();
            if (t != null && t.at <= now) { best = t.at; action = () -> timers.poll().action.run(); }
            if (sim.state == SessionState.AUTHENTICATED) {
                long d = sim.lastRequestMillis + sim.options.brokerageIdleTimeout.toMillis();
                if (d <= now && d < best) { best = d; action = () -> sim.setState(SessionState.BROKERAGE_DOWN); }
            }
            if (sim.hasSso()) {
                long d = sim.lastRequestMillis + sim.options.ssoIdleTimeout.toMillis();
                if (d <= now && d < best) { best = d; action = () -> sim.expire(ExpiryReason.SSO_IDLE); }
                long m = sim.loginAtMillis + sim.options.maxSessionAge.toMillis();
                if (m <= now && m < best) { best = m; action = () -> sim.expire(ExpiryReason.MAX_AGE); }
            }
            if (nextNightlyMillis <= now && nextNightlyMillis < best) {
                best = nextNightlyMillis;
                long at = nextNightlyMillis;
                action = () -> { nextNightlyMillis = nextNightlyAfter(at); sim.nightlyResetAt(at); };
            }
            if (action == null) break;
            if (!sim.options.stepDriven) moveMarketsTo(best);
            action.run();
        }
        if (!sim.options.stepDriven) moveMarketsTo(now);
        sim.matcher.expire(new ArrayList<>(sim.backend.orders.values()), now);
        sim.ws.pump();
    }

    private long nextNightlyAfter(long millis) {
        if (sim.options.nightlyResetAt == null) return Long.MAX_VALUE;   // replay: no nightly reset
        ZonedDateTime t = Instant.ofEpochMilli(millis).atZone(sim.options.region.zone());
        ZonedDateTime candidate = t.toLocalDate().atTime(sim.options.nightlyResetAt).atZone(sim.options.region.zone());
        if (!candidate.isAfter(t)) candidate = LocalDate.from(t).plusDays(1).atTime(sim.options.nightlyResetAt).atZone(sim.options.region.zone());
        return candidate.toInstant().toEpochMilli();
    }

    void moveMarketsTo(long millis) {
        for (Market m : sim.markets.values()) {
            if (m.frozen) continue;
            int target = m.indexAt(millis);
            if (target == m.cursor) continue;
            if (target > m.cursor && target - m.cursor < 50_000) {
                for (int i = m.cursor + 1; i <= target; i++) moveCursor(m, i, m.looping() ? millis : m.ticks[i].atMillis());
            } else moveCursor(m, target, millis);
        }
    }

    void moveCursor(Market m, int index, long atMillis) {
        m.cursor = index;
        m.cursorAtMillis = atMillis;
        sim.matcher.run(m);
        sim.ws.onTick(m);
    }
}
