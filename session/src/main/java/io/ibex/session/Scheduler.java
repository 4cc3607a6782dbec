package io.ibex.session;

import java.time.Duration;

/** The keeper's only way to wait: tests use a virtual-time implementation, production a single daemon thread. */
public interface Scheduler {
    /** Runs {@code task} once after {@code delay}. */
    void schedule(Duration delay, Runnable task);
}
