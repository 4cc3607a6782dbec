package io.ibex.gateway.stream;

import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

/** Waits for network delivery in the streaming tests: the first element of a queue that matches, within 10 s. */
public final class Queues {
    private Queues() {}

    public static <T> T await(BlockingQueue<T> q, Predicate<T> p) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (System.nanoTime() < deadline) {
            T x = q.poll(50, TimeUnit.MILLISECONDS);
            if (x != null && p.test(x)) return x;
        }
        throw new AssertionError("nothing matching arrived");
    }
}
