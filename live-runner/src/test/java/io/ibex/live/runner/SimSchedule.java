package io.ibex.live.runner;

import io.ibex.live.session.Scheduler;
import io.ibex.live.sim.SimClock;

import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.PriorityQueue;

/** Keeper clock and scheduler on the simulator's manual clock: the keeper's tasks run when the test advances time. */
final class SimSchedule implements InstantSource, Scheduler {
    private record Task(Instant due, long seq, Runnable run) {}

    private final SimClock clock;
    private final PriorityQueue<Task> queue = new PriorityQueue<>((a, b) -> a.due.equals(b.due)
        ? Long.compare(a.seq, b.seq) : a.due.compareTo(b.due));
    private long seq;

    SimSchedule(SimClock clock) { this.clock = clock; }

    @Override public Instant instant() { return clock.instant(); }

    @Override public synchronized void schedule(Duration delay, Runnable task) {
        queue.add(new Task(clock.instant().plus(delay), seq++, task));
    }

    void advance(Duration d) {
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
