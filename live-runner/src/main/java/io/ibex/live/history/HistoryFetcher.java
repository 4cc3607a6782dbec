package io.ibex.live.history;

import io.ibex.framework.domain.Bars;
import io.ibex.framework.domain.Instrument;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Pages back through {@code /iserver/marketdata/history}. The first request (no {@code startTime}) anchors the series
 * at the gateway's newest bar; the older pages, each at most {@link HistoryRequest#MAX_POINTS} bars and aligned to
 * bar boundaries, then go out at most {@link #MAX_IN_FLIGHT} at a time (the gateway answers a 6th concurrent history
 * request with 429, and the client's rate limiter enforces the same cap). The first page's oldest bar is asked for
 * again by the second page, whose window holds all of it; where pages overlap, the aligned page wins.
 */
public final class HistoryFetcher {
    /** IBKR: at most 5 history requests in flight. */
    public static final int MAX_IN_FLIGHT = 5;
    static final DateTimeFormatter START_TIME = DateTimeFormatter.ofPattern("yyyyMMdd-HH:mm:ss").withZone(ZoneOffset.UTC);

    /** One history request; an answer of "No data." is an empty {@link Bars}. */
    @FunctionalInterface
    public interface Pages {
        Bars page(String period, String startTimeOrNull);
    }

    /** Told after each answered request. */
    @FunctionalInterface
    public interface Progress {
        void requests(int done, int total, int barsSoFar);
    }

    private HistoryFetcher() {}

    /** The bars of the requested period, oldest first; empty when the gateway has none. */
    public static Bars fetch(Instrument instrument, String source, HistoryRequest request, Pages pages, Progress progress) {
        Bars first = pages.page(request.fitsOnePage() ? request.period() : request.pagePeriod(), null);
        if (first.size() == 0) {
            progress.requests(1, 1, 0);
            return first;
        }
        long barMs = request.barMillis();
        long lowest = first.time(first.size() - 1) + barMs - request.periodSeconds() * 1000;
        TreeMap<Long, double[]> rows = new TreeMap<>();
        put(rows, first, lowest);
        List<Long> pageEnds = new ArrayList<>();
        if (!request.fitsOnePage()) {
            long pageMs = request.pageSeconds() * 1000;
            for (long end = first.time(0) + barMs; ; end -= pageMs) {
                pageEnds.add(end);
                if (end - pageMs <= lowest) break;
            }
        }
        int total = 1 + pageEnds.size();
        progress.requests(1, total, rows.size());
        if (pageEnds.isEmpty()) return build(instrument, source, rows);

        AtomicInteger done = new AtomicInteger(1);
        ExecutorService pool = Executors.newFixedThreadPool(MAX_IN_FLIGHT, r -> {
            Thread t = new Thread(r, "ibex-history");
            t.setDaemon(true);
            return t;
        });
        try {
            List<Future<Bars>> answers = new ArrayList<>();
            for (long end : pageEnds) {
                String startTime = START_TIME.format(Instant.ofEpochMilli(end));
                answers.add(pool.submit(() -> {
                    Bars page = pages.page(request.pagePeriod(), startTime);
                    synchronized (rows) {
                        put(rows, page, lowest);
                        progress.requests(done.incrementAndGet(), total, rows.size());
                    }
                    return page;
                }));
            }
            for (Future<Bars> answer : answers) await(answer);
        } finally {
            pool.shutdownNow();
        }
        return build(instrument, source, rows);
    }

    private static void await(Future<Bars> answer) {
        try {
            answer.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while fetching history", e);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException r) throw r;
            throw new IllegalStateException(e.getCause());
        }
    }

    private static void put(Map<Long, double[]> rows, Bars bars, long lowest) {
        for (int i = 0; i < bars.size(); i++)
            if (bars.time(i) >= lowest)
                rows.put(bars.time(i), new double[] {bars.open(i), bars.high(i), bars.low(i), bars.close(i), bars.volume(i)});
    }

    private static Bars build(Instrument instrument, String source, TreeMap<Long, double[]> rows) {
        Bars.Builder b = Bars.builder(instrument, source);
        for (Map.Entry<Long, double[]> e : rows.entrySet()) {
            double[] r = e.getValue();
            b.add(e.getKey(), r[0], r[1], r[2], r[3], r[4]);
        }
        return b.build();
    }
}
