package io.ibex.gateway;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** A clock that moves only when told to, or when someone sleeps on it (the sleep is recorded, not waited). */
public final class ManualClock implements GatewayClock {
    private long nanos = 1_000_000_000L;
    private Instant wall = Instant.parse("2026-03-02T14:30:00Z");
    public final List<Duration> sleeps = new ArrayList<>();

    @Override public synchronized long nanoTime() { return nanos; }
    @Override public synchronized Instant now() { return wall; }

    @Override public synchronized void sleep(Duration d) {
        sleeps.add(d);
        advance(d);
    }

    public synchronized void advance(Duration d) {
        nanos += d.toNanos();
        wall = wall.plus(d);
    }
}
