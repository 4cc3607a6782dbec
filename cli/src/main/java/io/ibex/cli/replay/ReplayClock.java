package io.ibex.cli.replay;

import java.time.Instant;
import java.time.InstantSource;

/** Replay time: wall and monotonic clock both follow the recorded ticks, so a year replays in seconds. */
public final class ReplayClock implements InstantSource {
    private volatile long millis;

    public ReplayClock(long startMillis) { this.millis = startMillis; }

    void set(long wallMillis) {
        if (wallMillis < millis) throw new IllegalStateException("replay clock cannot go back: " + millis + " -> " + wallMillis
            + " (are the bars sorted?)");
        millis = wallMillis;
    }

    public long monoNanos() { return millis * 1_000_000L; }

    @Override public long millis() { return millis; }

    @Override public Instant instant() { return Instant.ofEpochMilli(millis); }
}
