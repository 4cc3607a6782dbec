package io.ibex.bench;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.openjdk.jmh.profile.GCProfiler;
import org.openjdk.jmh.results.Result;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.results.format.ResultFormatType;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.RunnerException;
import org.openjdk.jmh.runner.options.ChainedOptionsBuilder;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.TimeValue;

/**
 * Runs the suite with fixed settings and prints ns/bar, allocated bytes/bar and the ratios to Ta4j DoubleNum and to the
 * primitive loop. Usage: {@code BenchMain [--quick] --result <file.json> [include-regex]}; see run-benchmarks.sh.
 */
public final class BenchMain {
    /** Fixed so runs compare: a pre-touched fixed heap keeps GC and page faults out of the scores. */
    static final String[] JVM_FLAGS = {
        "-Xms2g", "-Xmx2g", "-XX:+AlwaysPreTouch", "-XX:+UseParallelGC", "--sun-misc-unsafe-memory-access=allow"
    };

    /** The side-by-side comparisons; the full suite adds the 5M-bar runs and the commission/statistics benchmarks. */
    static final String QUICK_SUITE = "io\\.ibex\\.bench\\.(Indicator|SeriesConstruction|SmaCross|CsvParse)Benchmark";

    private BenchMain() {
    }

    public static void main(String[] args) throws RunnerException {
        boolean quick = false;
        String result = null;
        String include = null;
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--quick" -> quick = true;
                case "--result" -> result = args[++i];
                default -> include = args[i];
            }
        }
        if (result == null) {
            System.err.println("usage: BenchMain [--quick] --result <file.json> [include-regex]");
            System.exit(2);
        }
        if (include == null) {
            include = quick ? QUICK_SUITE : "io\\.ibex\\.bench\\..*Benchmark";
        }
        ChainedOptionsBuilder options = new OptionsBuilder()
                .include(include)
                .forks(1)
                .jvmArgsAppend(JVM_FLAGS)
                .addProfiler(GCProfiler.class)
                .resultFormat(ResultFormatType.JSON)
                .result(result);
        if (quick) {
            options.exclude(".*FiveMillion").warmupIterations(2).warmupTime(TimeValue.seconds(1))
                    .measurementIterations(3).measurementTime(TimeValue.seconds(1));
        } else {
            options.warmupIterations(5).warmupTime(TimeValue.seconds(2))
                    .measurementIterations(5).measurementTime(TimeValue.seconds(2));
        }
        Collection<RunResult> results = new Runner(options.build()).run();
        System.out.println();
        System.out.print(table(results));
    }

    static String table(Collection<RunResult> results) {
        Map<String, List<RunResult>> byGroup = new LinkedHashMap<>();
        for (RunResult r : results) {
            String name = r.getParams().getBenchmark();
            String group = name.substring(name.lastIndexOf('.', name.lastIndexOf('.') - 1) + 1, name.lastIndexOf('.'));
            byGroup.computeIfAbsent(group, g -> new ArrayList<>()).add(r);
        }
        StringBuilder out = new StringBuilder();
        out.append(String.format(Locale.ROOT, "%-28s %-32s %12s %10s %12s %12s%n",
                "benchmark", "contender", "ns/bar", "B/bar", "Ta4jDouble/x", "x/primitive"));
        for (Map.Entry<String, List<RunResult>> group : byGroup.entrySet()) {
            double ta4j = score(group.getValue(), "ta4jDoubleNum");
            double primitive = score(group.getValue(), "primitiveLoop");
            for (RunResult r : group.getValue()) {
                String name = r.getParams().getBenchmark();
                String contender = name.substring(name.lastIndexOf('.') + 1);
                double score = r.getPrimaryResult().getScore();
                Result<?> alloc = r.getSecondaryResults().get("gc.alloc.rate.norm");
                out.append(String.format(Locale.ROOT, "%-28s %-32s %12.2f %10.2f %12s %12s%n",
                        group.getKey(), contender, score, alloc == null ? Double.NaN : alloc.getScore(),
                        ratio(ta4j, score), ratio(score, primitive)));
            }
        }
        return out.toString();
    }

    private static double score(List<RunResult> group, String contender) {
        for (RunResult r : group) {
            if (r.getParams().getBenchmark().endsWith("." + contender)) {
                return r.getPrimaryResult().getScore();
            }
        }
        return Double.NaN;
    }

    private static String ratio(double numerator, double denominator) {
        return Double.isNaN(numerator) || Double.isNaN(denominator)
                ? "-" : String.format(Locale.ROOT, "%.1fx", numerator / denominator);
    }
}
