package io.ibex.sim;

/** One registered fault (§5.1). Counts down its own {@code times}; query it to see how often it fired. */
public final class FaultRule {
    /** What the fault does to the exchange. */
    public enum Action { RESPOND, LATENCY, DROP, RESET, HANG, NO_BRIDGE, STATUS_429, RAW }

    final Route route;
    final Action action;
    final int status;
    final byte[] body;
    final String[] headers;
    final long latencyMillis;
    final boolean applyFirst;
    final int nth;
    final Long fromMillis, toMillis;
    boolean hidesNewOrders;
    private int remaining;   // -1 = forever
    private int matches;
    private int fired;

    FaultRule(Route route, Action action, int status, byte[] body, String[] headers, long latencyMillis,
              boolean applyFirst, int times, int nth, Long fromMillis, Long toMillis) {
        this.route = route;
        this.action = action;
        this.status = status;
        this.body = body;
        this.headers = headers;
        this.latencyMillis = latencyMillis;
        this.applyFirst = applyFirst;
        this.remaining = times;
        this.nth = nth;
        this.fromMillis = fromMillis;
        this.toMillis = toMillis;
    }

    /** Whether this rule fires on this call; counts the call and the firing when it does. */
    boolean take(String method, String rel, long nowMillis) {
        if (remaining == 0 || !route.matches(method, rel)) return false;
        if (fromMillis != null && (nowMillis < fromMillis || nowMillis >= toMillis)) return false;
        matches++;
        if (nth > 0 && matches != nth) return false;
        if (remaining > 0) remaining--;
        fired++;
        return true;
    }

    public int fired() { return fired; }

    public boolean exhausted() { return remaining == 0; }

    public Route route() { return route; }

    public Action action() { return action; }

    @Override public String toString() { return action + " on " + route; }
}
