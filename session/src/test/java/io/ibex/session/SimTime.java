package io.ibex.session;

import io.ibex.sim.SimClock;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.PriorityQueue;

/** The keeper's clock and scheduler, driven by the simulator's manual clock so both live in the same virtual time. */
public final class SimTime implements InstantSource, Scheduler {
    private record Task(Instant due, long seq, Runnable run) {}

    private final SimClock clock;
    private final PriorityQueue<Task> queue = new PriorityQueue<>((a, b) -> a.due.equals(b.due)
        ? Long.compare(a.seq, b.seq) : a.due.compareTo(b.due));
    private long seq;

    public SimTime(SimClock clock) { this.clock = clock; }

    @Override public Instant instant() { return clock.instant(); }

    @Override public synchronized void schedule(Duration delay, Runnable task) {
        queue.add(new Task(clock.instant().plus(delay), seq++, task));
    }

    public void advance(Duration d) {
        Instant end = clock.instant().plus(d);
        while (true) {
            Task t;
            synchronized (this) {
                if (queue.isEmpty() || queue.peek().due.isAfter(end)) break;
                t = queue.poll();
            }
            if (t.due.isAfter(clock.instant())) clock.setTo(t.due);
            t.run.run();
        }
        if (end.isAfter(clock.instant())) clock.setTo(end);
    }
}
