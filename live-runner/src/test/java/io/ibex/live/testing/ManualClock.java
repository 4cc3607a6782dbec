package io.ibex.live.testing;

import java.time.Instant;
import java.time.InstantSource;

/** A test clock that only moves when told; it starts non-zero so ages and windows never divide by zero. */
public final class ManualClock implements InstantSource {
    private volatile long millis;

    public ManualClock(Instant start) { this.millis = start.toEpochMilli(); }

    public void advanceMillis(long d) { millis += d; }

    public void set(Instant t) { millis = t.toEpochMilli(); }

    @Override public long millis() { return millis; }

    @Override public Instant instant() { return Instant.ofEpochMilli(millis); }
}
