package io.ibex.backtest.sweep;

import io.ibex.framework.domain.Bars;

import java.util.List;

/**
 * Where the runs of a sweep execute: {@code local} (an in-process work-stealing pool, built in) or {@code spark}
 * (module backtest-spark, found through {@link java.util.ServiceLoader} when its JARs are on the class path).
 * Whatever the engine, the rows come back in job order (grid order), never in completion order.
 */
public interface SweepEngine extends AutoCloseable {
    /** The {@code --engine} name. */
    String name();

    /** Runs every parameter set of {@code job} over {@code bars}; one row per set, in job order. */
    List<SweepRow> run(SweepJob job, Bars bars, Options options, SweepProgress progress);

    /** Releases what the engine keeps between runs (a Spark context); the local engine keeps nothing. */
    @Override default void close() { }

    /**
     * @param workers parallel runs for the local engine (>= 1)
     * @param master  Spark master URL, e.g. {@code local[*]} or {@code spark://host:7077}
     */
    record Options(int workers, String master) {
        public Options {
            if (workers < 1) throw new IllegalArgumentException("workers must be >= 1, was " + workers);
        }
    }
}
