package io.ibex.spark;

import io.ibex.backtest.sweep.SweepEngine;
import io.ibex.backtest.sweep.SweepJob;
import io.ibex.backtest.sweep.SweepProgress;
import io.ibex.backtest.sweep.SweepRow;
import io.ibex.backtest.sweep.SweepTask;
import io.ibex.framework.domain.Bars;
import org.apache.spark.SparkConf;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.api.java.function.FlatMapFunction;
import org.apache.spark.broadcast.Broadcast;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;

/**
 * Runs a sweep as one Spark job: the bars are broadcast once, the parameter-set positions are split into partitions,
 * each partition rebuilds the bars and runs its sets through the same {@link SweepTask} as the local engine, and
 * {@code collect()} returns the rows in partition order, i.e. job order. One Spark context is kept for all the runs of
 * a command (walk-forward windows included) and stopped by {@link #close()}. Under {@code spark-submit} the master
 * comes from spark-submit; otherwise from {@code --master} ({@code local[*]} by default).
 */
public final class SparkSweepEngine implements SweepEngine {
    private JavaSparkContext context;

    @Override public String name() { return "spark"; }

    @Override
    public List<SweepRow> run(SweepJob job, Bars bars, Options options, SweepProgress progress) {
        JavaSparkContext sc = context(options.master());
        Broadcast<BarColumns> columns = sc.broadcast(BarColumns.of(bars));
        try {
            List<Integer> positions = new ArrayList<>(job.size());
            for (int i = 0; i < job.size(); i++) positions.add(i);
            int slices = Math.max(1, Math.min(job.size(), sc.defaultParallelism() * 4));
            List<SweepRow> rows = sc.parallelize(positions, slices).mapPartitions(new RunPartition(job, columns)).collect();
            for (int i = 0; i < rows.size(); i++) progress.runFinished();
            return rows;
        } finally {
            columns.destroy();
        }
    }

    private synchronized JavaSparkContext context(String master) {
        if (context == null) {
            SparkMasterProbe.check(System.getProperty("spark.master", master), SparkMasterProbe.TIMEOUT); // what SparkConf will use
            SparkConf conf = new SparkConf().setAppName("ibex sweep").set("spark.ui.enabled", "false");
            if (!conf.contains("spark.master")) conf.setMaster(master);
            if (conf.get("spark.master").startsWith("local") && !conf.contains("spark.driver.host"))
                conf.set("spark.driver.host", "127.0.0.1").set("spark.driver.bindAddress", "127.0.0.1");
            context = new JavaSparkContext(conf);
        }
        return context;
    }

    @Override public synchronized void close() {
        if (context != null) {
            context.stop();
            context = null;
        }
    }

    /** One partition: rebuild the bars once, run each position. A static class so no engine state is serialised. */
    private record RunPartition(SweepJob job, Broadcast<BarColumns> columns) implements FlatMapFunction<Iterator<Integer>, SweepRow> {
        private static final long serialVersionUID = 1L;

        @Override public Iterator<SweepRow> call(Iterator<Integer> positions) {
            List<SweepRow> out = new ArrayList<>();
            try (SweepTask task = new SweepTask(job, columns.value().toBars())) {
                while (positions.hasNext()) out.add(task.run(positions.next()));
            }
            return out.iterator();
        }
    }
}
