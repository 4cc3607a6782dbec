package io.ibex.cli.backtest;

import java.io.PrintStream;
import java.time.Duration;
import java.util.Locale;
import java.util.concurrent.CountDownLatch;

/**
 * Prints "writing report…" on a terminal when a step is still running after a delay, and how long it took once it
 * ends, so a long write does not look like a hang. Silent when nothing is shown in time, or without a terminal.
 */
final class SlowStepNotice implements AutoCloseable {
    private final String what;
    private final PrintStream out;
    private final long start = System.nanoTime();
    private final Thread timer;
    private final CountDownLatch shownLatch = new CountDownLatch(1);
    private boolean shown;

    private SlowStepNotice(String what, Duration delay, PrintStream out) {
        this.what = what;
        this.out = out;
        this.timer = out == null ? null : Thread.ofVirtual().start(() -> {
            try {
                Thread.sleep(delay);
            } catch (InterruptedException finished) {
                return;
            }
            show();
        });
    }

    /** On the terminal (standard error, when there is a console) after one second. */
    static SlowStepNotice onTerminal(String what) {
        return new SlowStepNotice(what, Duration.ofSeconds(1), System.console() != null ? System.err : null);
    }

    static SlowStepNotice to(PrintStream out, String what, Duration delay) { return new SlowStepNotice(what, delay, out); }

    private synchronized void show() {
        shown = true;
        out.print("  " + what + "…");
        out.flush();
        shownLatch.countDown();
    }

    /** Waits until the notice has been printed (for tests: no sleeping on the clock). */
    void awaitShown() throws InterruptedException { shownLatch.await(); }

    @Override
    public void close() {
        if (timer == null) return;
        timer.interrupt();
        try {
            timer.join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        synchronized (this) {
            if (shown) out.printf(Locale.ROOT, " done (%.1f s)%n", (System.nanoTime() - start) / 1e9);
        }
    }
}
