package io.ibex.sim;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.LongSupplier;

/**
 * The gateway's pacing limits (ibkr-gateway.md §7): a global per-second bucket plus per-endpoint windows, keyed by
 * path with the query ignored. Runs on its own nanosecond clock because the client's limiter runs on wall time.
 * Guarded by the simulator's lock.
 */
final class Pacing {
    private record Limit(int count, long windowMillis) {}

    private static final Map<String, Limit> TABLE = Map.of(
        "/iserver/marketdata/snapshot", new Limit(10, 1_000),
        "GET /iserver/account/orders", new Limit(1, 5_000),
        "/iserver/account/trades", new Limit(1, 5_000),
        "/iserver/account/pnl/partitioned", new Limit(1, 5_000),
        "/portfolio/accounts", new Limit(1, 5_000),
        "/portfolio/subaccounts", new Limit(1, 5_000),
        "/tickle", new Limit(1, 1_000),
        "/sso/validate", new Limit(1, 60_000));

    private final Options options;
    LongSupplier nanos = System::nanoTime;
    private final Map<String, ArrayDeque<Long>> windows = new HashMap<>();
    final List<PacingViolation> violations = new ArrayList<>();
    private int enforcedViolations;
    Long penaltyUntilNanos;

    Pacing(Options options) { this.options = options; }

    /** @return null when the request may proceed, else the 429 to answer */
    SimResponse check(String method, String rel) {
        if (options.pacing == PacingMode.OFF) return null;
        long now = nanos.getAsLong();
        if (penaltyUntilNanos != null) {
            if (now < penaltyUntilNanos) return tooMany();
            penaltyUntilNanos = null;
        }
        PacingViolation v = violation("global", rel, new Limit(options.globalRps, 1_000), now);
        Limit specific = TABLE.get(rel);
        if (specific == null) specific = TABLE.get(method + " " + rel);
        String key = TABLE.containsKey(rel) ? rel : method + " " + rel;
        PacingViolation v2 = specific == null ? null : violation(key, rel, specific, now);
        if (v == null) v = v2;
        if (v == null) {
            record("global", now);
            if (specific != null) record(key, now);
            return null;
        }
        violations.add(v);
        if (options.pacing == PacingMode.RECORD) {
            record("global", now);
            if (specific != null) record(key, now);
            return null;
        }
        if (++enforcedViolations >= options.penaltyAfter) {
            penaltyUntilNanos = now + options.penaltyDuration.toNanos();
            enforcedViolations = 0;
        }
        return tooMany();
    }

    void penaltyBox(Duration d) { penaltyUntilNanos = nanos.getAsLong() + d.toNanos(); }

    boolean inPenaltyBox() { return penaltyUntilNanos != null && nanos.getAsLong() < penaltyUntilNanos; }

    private PacingViolation violation(String key, String rel, Limit limit, long now) {
        ArrayDeque<Long> w = windows.computeIfAbsent(key, k -> new ArrayDeque<>());
        long windowNanos = limit.windowMillis() * 1_000_000L;
        while (!w.isEmpty() && now - w.peekFirst() >= windowNanos) w.pollFirst();
        return w.size() >= limit.count() ? new PacingViolation(key, rel, limit.count(), limit.windowMillis(), now) : null;
    }

    private void record(String key, long now) { windows.computeIfAbsent(key, k -> new ArrayDeque<>()).addLast(now); }

    static SimResponse tooMany() { return SimResponse.errorObject(429, "Too many requests"); }
}
