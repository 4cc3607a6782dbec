package io.ibex.session;

import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.PriorityQueue;

/** A clock plus scheduler in virtual time: {@link #advance} runs every due task in order, moving the clock to each. */
final class VirtualTime implements InstantSource, Scheduler {
    private record Task(Instant due, long seq, Runnable run) {}

    private final PriorityQueue<Task> queue = new PriorityQueue<>((a, b) -> a.due.equals(b.due)
        ? Long.compare(a.seq, b.seq) : a.due.compareTo(b.due));
    private Instant now;
    private long seq;

    VirtualTime(Instant start) { this.now = start; }

    @Override public Instant instant() { return now; }

    @Override public void schedule(Duration delay, Runnable task) { queue.add(new Task(now.plus(delay), seq++, task)); }

    void advance(Duration d) {
        Instant end = now.plus(d);
        while (!queue.isEmpty() && !queue.peek().due.isAfter(end)) {
            Task t = queue.poll();
            if (t.due.isAfter(now)) now = t.due;
            t.run.run();
        }
        now = end;
    }
}
