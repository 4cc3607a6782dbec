package io.ibex.cli.replay;

import io.ibex.gateway.GatewayClock;

import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;

/**
 * The gateway client's clock during a replay: wall time follows the replay clock, and a pacing wait advances a virtual
 * monotonic counter instead of sleeping (the client still paces its requests; a year replays in seconds).
 */
final class VirtualGatewayClock implements GatewayClock {
    private final InstantSource wall;
    private long nanos;

    VirtualGatewayClock(InstantSource wall) { this.wall = wall; }

    @Override public synchronized long nanoTime() { return Math.max(nanos, wall.millis() * 1_000_000L); }

    @Override public Instant now() { return wall.instant(); }

    @Override public synchronized void sleep(Duration duration) {
        if (!duration.isNegative()) nanos = nanoTime() + duration.toNanos();
    }
}
