package io.ibex.sim;

import java.time.Duration;
import java.util.Objects;

/** Small fault handles for the cached feeds: live orders, positions, snapshot, reply, rate limit (§5.1, §5.3). */
public final class FeedControls {
    private FeedControls() {}

    /** {@code sim.liveOrders()}. */
    public static final class LiveOrders {
        private final GatewaySimulator sim;
        LiveOrders(GatewaySimulator sim) { this.sim = sim; }

        /** The next n live-order calls answer {"orders":[],"snapshot":true} even when warm (the after-hours quirk). */
        public void emptyNext(int n) {
            synchronized (sim.lock) { sim.liveOrdersEmptyNext += n; }
        }
    }

    /** {@code sim.positions()}. */
    public static final class Positions {
        private final GatewaySimulator sim;
        Positions(GatewaySimulator sim) { this.sim = sim; }

        /** Fill effects reach /portfolio/{id}/positions/{page} only after this lag (or an invalidate). */
        public void lag(Duration d) {
            synchronized (sim.lock) { sim.options.positionsCacheLag = Objects.requireNonNull(d, "d"); }
        }

        public void omit(long conid) {
            synchronized (sim.lock) { sim.positionsOmitted.add(conid); }
        }

        public void include(long conid) {
            synchronized (sim.lock) { sim.positionsOmitted.remove(conid); }
        }
    }

    /** {@code sim.snapshot()}. */
    public static final class Snapshot {
        private final GatewaySimulator sim;
        Snapshot(GatewaySimulator sim) { this.sim = sim; }

        public void omit(long conid, String... fields) { sim.market(conid).omit(fields); }

        public void restore(long conid) {
            synchronized (sim.lock) { sim.marketOf(conid).omitted.clear(); }
        }
    }

    /** {@code sim.reply()}. */
    public static final class Reply {
        private final GatewaySimulator sim;
        Reply(GatewaySimulator sim) { this.sim = sim; }

        /** Every pending confirmation becomes stale: a later confirm answers 503 with an empty body. */
        public void invalidatePending() {
            synchronized (sim.lock) {
                for (PendingReply p : sim.replies.values())
                    if (p.state == PendingReply.State.PENDING) p.state = PendingReply.State.INVALIDATED;
            }
        }
    }

    /** {@code sim.rateLimit()}. */
    public static final class RateLimit {
        private final GatewaySimulator sim;
        RateLimit(GatewaySimulator sim) { this.sim = sim; }

        /** Every /v1/api path, /tickle included, answers 429 for {@code d} of pacing-clock time. */
        public void penaltyBox(Duration d) {
            synchronized (sim.lock) { sim.pacing.penaltyBox(d); }
        }

        public RateLimit mode(PacingMode mode) {
            synchronized (sim.lock) { sim.options.pacing = Objects.requireNonNull(mode, "mode"); }
            return this;
        }

        public RateLimit globalRps(int rps) {
            synchronized (sim.lock) { sim.options.globalRps = rps; }
            return this;
        }

        public RateLimit penaltyDuration(Duration d) {
            synchronized (sim.lock) { sim.options.penaltyDuration = d; }
            return this;
        }

        public boolean inPenaltyBox() {
            synchronized (sim.lock) { return sim.pacing.inPenaltyBox(); }
        }
    }
}
