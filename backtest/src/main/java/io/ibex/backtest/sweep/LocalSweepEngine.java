package io.ibex.backtest.sweep;

import io.ibex.framework.domain.Bars;

import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.RecursiveAction;

/**
 * Runs a sweep on an in-process {@link ForkJoinPool} of {@code workers} threads. All runs share the one {@link Bars}
 * instance (no copy per run). Each row is stored at its job position, so the result does not depend on the worker
 * count or on which run finishes first.
 */
public final class LocalSweepEngine implements SweepEngine {
    @Override public String name() { return "local"; }

    @Override
    public List<SweepRow> run(SweepJob job, Bars bars, Options options, SweepProgress progress) {
        SweepRow[] rows = new SweepRow[job.size()];
        try (SweepTask task = new SweepTask(job, bars)) {
            ForkJoinPool pool = new ForkJoinPool(options.workers());
            try {
                pool.invoke(new Range(task, rows, 0, rows.length, progress));
            } finally {
                pool.shutdownNow();
            }
        }
        return Arrays.asList(rows);
    }

    /** Splits the job in halves down to single runs; idle workers steal the halves. */
    private static final class Range extends RecursiveAction {
        private static final long serialVersionUID = 1L;
        private final transient SweepTask task;
        private final transient SweepRow[] rows;
        private final transient SweepProgress progress;
        private final int from, to;

        Range(SweepTask task, SweepRow[] rows, int from, int to, SweepProgress progress) {
            this.task = task;
            this.rows = rows;
            this.from = from;
            this.to = to;
            this.progress = progress;
        }

        @Override protected void compute() {
            if (to - from == 1) {
                rows[from] = task.run(from);
                progress.runFinished();
                return;
            }
            if (to <= from) return;
            int mid = (from + to) >>> 1;
            invokeAll(new Range(task, rows, from, mid, progress), new Range(task, rows, mid, to, progress));
        }
    }
}
