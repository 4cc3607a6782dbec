package io.ibex.live.runner;

import java.time.Duration;

/** Waits between lookup probes. Production sleeps; tests advance a manual clock, so no test sleeps. */
@FunctionalInterface
public interface Pauser {
    void pause(Duration d) throws InterruptedException;

    static Pauser sleeping() { return d -> Thread.sleep(d.toMillis()); }
}
