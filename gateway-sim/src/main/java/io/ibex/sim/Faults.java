package io.ibex.sim;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Transport and status faults (§5.1): {@code sim.faults().on(Route.post("/iserver/account/*&#47;orders")).times(1).respond(503, "")}.
 * Rules are checked in registration order; by default a fault replaces handling, {@code applyFirst()} runs the real
 * handler first and then spoils its response.
 */
public final class Faults {
    private final GatewaySimulator sim;
    private final List<FaultRule> rules = new ArrayList<>();

    Faults(GatewaySimulator sim) { this.sim = sim; }

    public Spec on(Route route) { return new Spec(Objects.requireNonNull(route, "route")); }

    public void clear() {
        synchronized (sim.lock) { rules.clear(); }
    }

    public List<FaultRule> rules() {
        synchronized (sim.lock) { return List.copyOf(rules); }
    }

    /** Stops the gateway now and starts it again once {@code d} of SimClock time has passed. */
    public void refuseFor(Duration d) { sim.refuseFor(d); }

    FaultRule take(String method, String rel, long nowMillis) {
        for (FaultRule r : rules) if (!r.route.glob().startsWith("/__sim") && r.take(method, rel, nowMillis)) return r;
        return null;
    }

    /** The only fault allowed on /__sim: a latency rule on the login endpoints (§5.4). */
    FaultRule takeLoginLatency(String method, String path, long nowMillis) {
        for (FaultRule r : rules)
            if (r.route.glob().startsWith("/__sim/login") && r.action == FaultRule.Action.LATENCY && r.take(method, path, nowMillis))
                return r;
        return null;
    }

    FaultRule add(FaultRule r) {
        synchronized (sim.lock) { rules.add(r); }
        return r;
    }

    /** Fluent description of one rule; a terminal method (respond, latency, hang, ...) registers it. */
    public final class Spec {
        private final Route route;
        private int times = -1;
        private int nth;
        private boolean applyFirst;
        private Long from, to;
        private long latencyMillis;

        private Spec(Route route) { this.route = route; }

        public Spec times(int n) {
            if (n <= 0) throw new IllegalArgumentException("times must be > 0, was " + n);
            times = n;
            return this;
        }

        /** Fires only on the k-th matching call (1-based). */
        public Spec nth(int k) {
            if (k <= 0) throw new IllegalArgumentException("nth must be >= 1, was " + k);
            nth = k;
            if (times < 0) times = 1;
            return this;
        }

        public Spec applyFirst() {
            applyFirst = true;
            return this;
        }

        /** Limits the rule to the SimClock window [from, to). */
        public Spec during(Instant fromInclusive, Instant toExclusive) {
            from = fromInclusive.toEpochMilli();
            to = toExclusive.toEpochMilli();
            return this;
        }

        /** Adds a wall-clock delay before the fault's own action (e.g. a 503 that arrives after 10 s). */
        public Spec after(Duration wallDelay) {
            latencyMillis = wallDelay.toMillis();
            return this;
        }

        public FaultRule respond(int status, String body, String... headers) {
            return register(FaultRule.Action.RESPOND, status, body.getBytes(StandardCharsets.UTF_8), headers, latencyMillis);
        }

        public FaultRule status429() {
            return register(FaultRule.Action.STATUS_429, 429, "{\"error\":\"Too many requests\"}".getBytes(StandardCharsets.UTF_8),
                new String[0], latencyMillis);
        }

        /** Delays the answer by wall time; domain time is unchanged and the request is then handled normally. */
        public FaultRule latency(Duration d) {
            return register(FaultRule.Action.LATENCY, 0, new byte[0], new String[0], d.toMillis());
        }

        /**
         * applyFirst + latency on an order POST: the order exists at once, the answer is delayed by {@code d} of wall
         * time, and live orders list it only once {@code d} of SimClock time has passed.
         */
        public FaultRule visibleAfter(Duration d) {
            applyFirst = true;
            FaultRule r = register(FaultRule.Action.LATENCY, 0, new byte[0], new String[0], d.toMillis());
            r.hidesNewOrders = true;
            return r;
        }

        public FaultRule dropConnection() { return register(FaultRule.Action.DROP, 0, new byte[0], new String[0], latencyMillis); }

        public FaultRule resetConnection() { return register(FaultRule.Action.RESET, 0, new byte[0], new String[0], latencyMillis); }

        /** Never answers; the request is freed (connection closed) by {@code sim.close()} or a gateway stop. */
        public FaultRule hang() { return register(FaultRule.Action.HANG, 0, new byte[0], new String[0], 0); }

        public FaultRule noBridge() {
            return register(FaultRule.Action.NO_BRIDGE, 400,
                "{\"error\":\"Bad Request: no bridge\",\"statusCode\":400}".getBytes(StandardCharsets.UTF_8), new String[0], latencyMillis);
        }

        /** Writes arbitrary bytes as the whole body with status 200 (truncated JSON, HTML-with-200, ...). */
        public FaultRule raw(byte[] bytes) { return register(FaultRule.Action.RAW, 200, bytes.clone(), new String[0], latencyMillis); }

        private FaultRule register(FaultRule.Action action, int status, byte[] body, String[] headers, long latency) {
            for (String h : headers)
                if (h.indexOf(':') <= 0) throw new IllegalArgumentException("header must read 'Name: value', was '" + h + "'");
            return add(new FaultRule(route, action, status, body, headers.clone(), latency, applyFirst, times, nth, from, to));
        }
    }
}
