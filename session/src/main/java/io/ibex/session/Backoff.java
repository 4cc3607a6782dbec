package io.ibex.session;

import java.time.Duration;
import java.util.Objects;

/** Capped exponential backoff: base, 2×base, 4×base, ... up to cap. Not thread-safe: the keeper owns it. */
public final class Backoff {
    private final Duration base;
    private final Duration cap;
    private Duration next;

    public Backoff(Duration base, Duration cap) {
        this.base = Objects.requireNonNull(base, "base");
        this.cap = Objects.requireNonNull(cap, "cap");
        if (base.isNegative() || base.isZero() || cap.compareTo(base) < 0)
            throw new IllegalArgumentException("backoff needs 0 < base <= cap, was base=" + base + " cap=" + cap);
        this.next = base;
    }

    /** The delay to wait now; the following call returns twice as much, never more than the cap. */
    public Duration next() {
        Duration now = next;
        Duration doubled = next.multipliedBy(2);
        next = doubled.compareTo(cap) > 0 ? cap : doubled;
        return now;
    }

    /** What {@link #next()} would return, without advancing. */
    public Duration peek() { return next; }

    public void reset() { next = base; }
}
