package io.ibex.bench;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.lang.ref.Reference;
import java.util.Locale;
import java.util.function.Supplier;
import org.ta4j.core.num.DecimalNumFactory;
import org.ta4j.core.num.DoubleNumFactory;

/**
 * Bytes per bar HELD by a built series: heap used after a full GC with the series reachable, minus the baseline.
 * Not a JMH benchmark (nothing is timed); run with the same fixed heap flags. Prints one line per series.
 */
public final class RetainedHeap {
    private static final MemoryMXBean MEMORY = ManagementFactory.getMemoryMXBean();

    private RetainedHeap() {
    }

    public static void main(String[] args) {
        SyntheticBars bars = SyntheticBars.generate(Market.BARS);
        report("ibex Bars", Market.BARS, () -> bars.toBars());
        report("Ta4j BaseBarSeries DoubleNum", Market.BARS,
                () -> Ta4jSeries.of(bars, Market.BARS, DoubleNumFactory.getInstance()));
        report("Ta4j BaseBarSeries DecimalNum", Market.SMALL_BARS,
                () -> Ta4jSeries.of(bars, Market.SMALL_BARS, DecimalNumFactory.getInstance()));
    }

    private static void report(String name, int n, Supplier<Object> build) {
        // The first full GCs of a JVM still release start-up garbage (~10 MB seen), so measure the second build.
        retainedBytes(build);
        long bytes = retainedBytes(build);
        System.out.printf(Locale.ROOT, "retained  %-32s %,10d bars  %8.1f bytes/bar%n", name, n, bytes / (double) n);
    }

    private static long retainedBytes(Supplier<Object> build) {
        long before = usedAfterGc();
        Object series = build.get();
        long after = usedAfterGc();
        Reference.reachabilityFence(series);
        return after - before;
    }

    private static long usedAfterGc() {
        for (int i = 0; i < 3; i++) {
            System.gc();
        }
        return MEMORY.getHeapMemoryUsage().getUsed();
    }
}
