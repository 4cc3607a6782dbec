package io.ibex.session;

import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/** Wall-time {@link Scheduler} on one daemon thread, separate from business calls (ibkr-gateway.md §11.13). */
public final class ExecutorScheduler implements Scheduler, AutoCloseable {
    private final ScheduledExecutorService executor = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "ibex-session-keeper");
        t.setDaemon(true);
        return t;
    });

    @Override public void schedule(Duration delay, Runnable task) {
        if (!executor.isShutdown()) executor.schedule(task, delay.toMillis(), TimeUnit.MILLISECONDS);
    }

    @Override public void close() { executor.shutdownNow(); }
}
