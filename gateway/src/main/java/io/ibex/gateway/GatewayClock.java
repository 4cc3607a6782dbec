package io.ibex.gateway;

import java.time.Duration;
import java.time.Instant;

/**
 * The one time seam of the gateway client: monotonic time for pacing, wall time for display, and sleeping.
 * Tests pass a manual clock whose {@code sleep} just advances time.
 */
public interface GatewayClock {
    long nanoTime();

    Instant now();

    void sleep(Duration duration) throws InterruptedException;

    GatewayClock SYSTEM = new GatewayClock() {
        @Override public long nanoTime() { return System.nanoTime(); }
        @Override public Instant now() { return Instant.now(); }
        @Override public void sleep(Duration duration) throws InterruptedException {
            if (!duration.isNegative() && !duration.isZero()) Thread.sleep(duration);
        }
    };
}
