package io.ibex.data.perf;

import io.ibex.data.H2BarStore;
import io.ibex.framework.domain.Bars;
import io.ibex.framework.domain.Instrument;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

/**
 * A quick, JUnit-free throughput measurement for the report (not a test; the benchmarks module has the JMH ones):
 * {@code java -cp <test classpath> io.ibex.data.perf.StoreThroughput [bars]}.
 */
public final class StoreThroughput {
    private StoreThroughput() {}

    public static void main(String[] args) throws Exception {
        int n = args.length > 0 ? Integer.parseInt(args[0]) : 1_000_000;
        Bars.Builder b = Bars.builder(Instrument.of("PERF"), "generated");
        long t = 1_600_000_000_000L;
        long cents = 10_000;
        for (int i = 0; i < n; i++, t += 60_000) {
            long next = Math.max(100, cents + (i * 7919L) % 41 - 20);
            b.add(t, cents / 100.0, (Math.max(cents, next) + 5) / 100.0, (Math.min(cents, next) - 5) / 100.0,
                next / 100.0, i % 5000);
            cents = next;
        }
        Bars bars = b.build();
        Path dir = Files.createTempDirectory("ibex-perf");
        String db = args.length > 1 ? args[1] : dir.resolve("ibex").toString();
        H2BarStore store = H2BarStore.open(db);
        try {
            ThreadMXBean cpu = ManagementFactory.getThreadMXBean();
            long c0 = cpu.getCurrentThreadCpuTime(), s0 = System.nanoTime();
            store.importBars(bars, Duration.ofMinutes(1));
            long c1 = cpu.getCurrentThreadCpuTime(), s1 = System.nanoTime();
            System.out.printf("import %,d bars: %,d ms wall = %,.0f bars/s; %,d ms CPU = %,.0f bars/CPU-s%n", n,
                (s1 - s0) / 1_000_000, n / ((s1 - s0) / 1e9), (c1 - c0) / 1_000_000, n / ((c1 - c0) / 1e9));
            if (args.length < 2) System.out.printf("store size: %,d bytes%n", Files.size(dir.resolve("ibex.mv.db")));
            for (int rep = 0; rep < 3; rep++) {
                long k0 = cpu.getCurrentThreadCpuTime(), l0 = System.nanoTime();
                Bars loaded = store.load("PERF", Duration.ofMinutes(1));
                long k1 = cpu.getCurrentThreadCpuTime(), l1 = System.nanoTime();
                System.out.printf("load %,d bars: %,d ms wall = %,.0f bars/s; %,d ms CPU = %,.0f bars/CPU-s%n",
                    loaded.size(), (l1 - l0) / 1_000_000, loaded.size() / ((l1 - l0) / 1e9), (k1 - k0) / 1_000_000,
                    loaded.size() / ((k1 - k0) / 1e9));
            }
        } finally {
            long z0 = System.nanoTime();
            store.close();
            System.out.printf("close: %,d ms%n", (System.nanoTime() - z0) / 1_000_000);
        }
        if (args.length < 2) System.out.printf("store size after close: %,d bytes (%s)%n", Files.size(dir.resolve("ibex.mv.db")), dir);
    }
}
