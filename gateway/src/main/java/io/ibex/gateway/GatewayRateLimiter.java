package io.ibex.gateway;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.HashMap;
import java.util.Map;

/**
 * Client-side pacing so the gateway never sees a breach (a 429 puts the whole IP in a 10-15 min penalty box).
 * A global sliding 1 s window ({@code 10/s} minus headroom for everything but order mutations, which may use the
 * headroom), the per-endpoint table of ibkr-gateway.md §7 keyed by path ignoring the query string, at most
 * {@code historyConcurrency} history requests in flight, and a penalty box after a 429: nothing is sent for
 * {@code penalty} except one probe per {@code probeInterval}. All time comes from the injected {@link GatewayClock}.
 */
public final class GatewayRateLimiter {
    static final String HISTORY = "/iserver/marketdata/history";

    private final GatewayClock clock;
    private final int globalPerSecond;
    private final int orderPerSecond;
    private final Map<String, RateLimit> table;
    private final int historyConcurrency;
    private final long penaltyNanos;
    private final long probeNanos;
    private final long maxWaitNanos;

    private final ArrayDeque<Long> global = new ArrayDeque<>();
    private final Map<String, ArrayDeque<Long>> perPath = new HashMap<>();
    private int historyInFlight;
    private long penaltyUntil = Long.MIN_VALUE;
    private boolean inPenalty;
    private long lastProbe = Long.MIN_VALUE;

    public GatewayRateLimiter(GatewayClock clock, int globalPerSecond, int orderPerSecond, Map<String, RateLimit> table,
                              int historyConcurrency, Duration penalty, Duration probeInterval, Duration maxWait) {
        if (globalPerSecond <= 0 || orderPerSecond < globalPerSecond)
            throw new IllegalArgumentException("need 0 < globalPerSecond <= orderPerSecond");
        this.clock = clock;
        this.globalPerSecond = globalPerSecond;
        this.orderPerSecond = orderPerSecond;
        this.table = Map.copyOf(table);
        this.historyConcurrency = historyConcurrency;
        this.penaltyNanos = penalty.toNanos();
        this.probeNanos = probeInterval.toNanos();
        this.maxWaitNanos = maxWait.toNanos();
    }

    /** IBKR defaults: 8/s for reads, the last 2/s reserved for orders and cancels, §7 table, 5 histories, 10 min box. */
    public static GatewayRateLimiter ibkrDefaults(GatewayClock clock) {
        return new GatewayRateLimiter(clock, 8, 10, RateLimit.IBKR_TABLE, 5, Duration.ofMinutes(10),
            Duration.ofMinutes(1), Duration.ofSeconds(12));
    }

    /** What the caller must close once the response is in (it frees a history slot). */
    public interface Permit extends AutoCloseable {
        @Override void close();
    }

    /** The key of a request path: {@code /v1/api} (or {@code /v1/portal}) prefix and query string removed. */
    public static String key(String path) {
        String p = path;
        int q = p.indexOf('?');
        if (q >= 0) p = p.substring(0, q);
        if (p.startsWith("/v1/api")) p = p.substring("/v1/api".length());
        else if (p.startsWith("/v1/portal")) p = p.substring("/v1/portal".length());
        return p.isEmpty() ? "/" : p;
    }

    /**
     * Blocks (on the injected clock) until sending is allowed. Throws {@link RateLimitedException} inside the
     * penalty box or when the wait would exceed the configured maximum.
     */
    public Permit acquire(String method, String path) throws InterruptedException {
        String key = key(path);
        boolean order = isOrderMutation(method, key);
        long waited = 0;
        while (true) {
            long wait;
            synchronized (this) {
                long now = clock.nanoTime();
                if (inPenalty) {
                    if (now - penaltyUntil >= 0) {
                        inPenalty = false;
                    } else if (lastProbe == Long.MIN_VALUE || now - lastProbe >= probeNanos) {
                        lastProbe = now; // the rare probe: lets us notice the box has opened
                    } else {
                        throw new RateLimitedException(key, "", "Not sent: the gateway answered 429 earlier and its"
                            + " penalty box lasts about " + Duration.ofNanos(penaltyUntil - now).toSeconds()
                            + " s more; retrying now would extend it. Wait, then lower the request rate");
                    }
                }
                wait = waitNanos(now, key, order);
                if (wait == 0) {
                    record(now, key);
                    return permitFor(key);
                }
            }
            if (waited + wait > maxWaitNanos)
                throw new RateLimitedException(key, "", "Not sent: the client-side pacing limit for " + key
                    + " would need a wait of over " + Duration.ofNanos(maxWaitNanos).toSeconds() + " s");
            clock.sleep(Duration.ofNanos(wait));
            waited += wait;
        }
    }

    /**
     * True when a request would be sent at once: no pacing wait and no penalty box. Reserves nothing; a loop uses it
     * to skip a slow endpoint this pass instead of blocking behind its limit (issue 17.7).
     */
    public synchronized boolean ready(String method, String path) {
        String key = key(path);
        return !inPenaltyBox() && waitNanos(clock.nanoTime(), key, isOrderMutation(method, key)) == 0;
    }

    /** Tell the limiter how a request ended: a 429 opens the penalty box; a success closes it. */
    public synchronized void onStatus(int status) {
        long now = clock.nanoTime();
        if (status == 429) {
            inPenalty = true;
            penaltyUntil = now + penaltyNanos;
            lastProbe = now;
        } else if (status >= 200 && status < 300 && inPenalty) {
            inPenalty = false;
        }
    }

    /** True while a 429 penalty is in force. */
    public synchronized boolean inPenaltyBox() {
        return inPenalty && clock.nanoTime() - penaltyUntil < 0;
    }

    private long waitNanos(long now, String key, boolean order) {
        long second = Duration.ofSeconds(1).toNanos();
        purge(global, now - second);
        long wait = 0;
        int cap = order ? orderPerSecond : globalPerSecond;
        if (global.size() >= cap) wait = Math.max(wait, nth(global, global.size() - cap) + second - now);
        RateLimit limit = table.get(key);
        if (limit != null) {
            long window = limit.window().toNanos();
            ArrayDeque<Long> q = perPath.computeIfAbsent(key, k -> new ArrayDeque<>());
            purge(q, now - window);
            if (q.size() >= limit.permits()) wait = Math.max(wait, nth(q, q.size() - limit.permits()) + window - now);
        }
        if (HISTORY.equals(key) && historyInFlight >= historyConcurrency) wait = Math.max(wait, Duration.ofMillis(100).toNanos());
        return Math.max(wait, 0);
    }

    private void record(long now, String key) {
        global.addLast(now);
        if (table.containsKey(key)) perPath.computeIfAbsent(key, k -> new ArrayDeque<>()).addLast(now);
        if (HISTORY.equals(key)) historyInFlight++;
    }

    private Permit permitFor(String key) {
        if (!HISTORY.equals(key)) return () -> { };
        boolean[] closed = {false};
        return () -> {
            synchronized (GatewayRateLimiter.this) {
                if (!closed[0]) {
                    closed[0] = true;
                    historyInFlight--;
                }
            }
        };
    }

    private static void purge(ArrayDeque<Long> q, long olderThan) {
        while (!q.isEmpty() && q.peekFirst() - olderThan <= 0) q.pollFirst();
    }

    private static long nth(ArrayDeque<Long> q, int index) {
        int i = 0;
        for (long t : q) if (i++ == index) return t;
        throw new IllegalStateException("index " + index + " beyond " + q.size());
    }

    static boolean isOrderMutation(String method, String key) {
        if (method.equals("DELETE")) return true;
        return method.equals("POST") && (key.startsWith("/iserver/reply/")
            || (key.startsWith("/iserver/account/") && (key.endsWith("/orders") || key.contains("/order/"))));
    }
}
