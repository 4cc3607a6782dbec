package io.ibex.bench.e2e;

import io.ibex.bench.SyntheticBars;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;

/**
 * The product benchmark ({@code ibex bench --e2e}): the CLI as a user runs it, a fresh JVM per command, on a generated
 * bar CSV, side by side with {@link Ta4jCsvBacktest} on the same file in the same run. Each command runs once to warm
 * the OS file cache and the class-data archive, then {@code --repeat} times; the median wall time counts.
 *
 * <pre>
 * java -cp benchmarks.jar io.ibex.bench.e2e.EndToEnd --ibex-jar cli/target/ibex.jar [--rows 1000000] [--repeat 3]
 *      [--work DIR] [--result FILE.json] [--jfr]
 * </pre>
 * {@code --jfr} records the ibex backtest once more with {@code -XX:StartFlightRecording} and prints the hottest
 * frames of its {@code jdk.ExecutionSample} events.
 */
public final class EndToEnd {
    /** The flags ./ibex passes, so the JVMs are the ones a user gets (its class-data archive included). */
    private static final List<String> IBEX_FLAGS = List.of("--enable-native-access=ALL-UNNAMED",
        "--sun-misc-unsafe-memory-access=allow", "-Xlog:cds=off", "-Xlog:cds+dynamic=off", "-Xshare:auto");

    private final Path java = Path.of(ProcessHandle.current().info().command().orElse("java"));
    private final Path ibexJar, benchJar, work, cds;
    private final int repeat;

    private EndToEnd(Path ibexJar, Path benchJar, Path work, Path cds, int repeat) {
        this.ibexJar = ibexJar;
        this.cds = cds;
        this.benchJar = benchJar;
        this.work = work;
        this.repeat = repeat;
    }

    /** One command of the table: its name and its arguments after the JVM. */
    private record Step(String name, String what, List<String> args, boolean freshDb) {}

    /** Median and all runs (ms), peak RSS (KiB, -1 when /usr/bin/time is missing) of the median run. */
    private record Timing(String name, String what, double medianMs, double[] runsMs, long peakRssKib) {}

    public static void main(String[] args) throws Exception {
        Map<String, String> o = options(args);
        if (!o.containsKey("--ibex-jar")) {
            System.err.println("usage: EndToEnd --ibex-jar cli/target/ibex.jar [--cds .ibex-build/ibex.jsa] [--rows N] [--repeat R] [--work DIR] [--result FILE] [--jfr]");
            System.exit(2);
        }
        int rows = Integer.parseInt(o.getOrDefault("--rows", "1000000"));
        Path work = Path.of(o.getOrDefault("--work", "benchmarks/target/e2e"));
        Path benchJar = Path.of(EndToEnd.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        EndToEnd e = new EndToEnd(Path.of(o.get("--ibex-jar")).toAbsolutePath(), benchJar, work.toAbsolutePath(),
            Path.of(o.getOrDefault("--cds", work.resolve("ibex.jsa").toString())).toAbsolutePath(), Integer.parseInt(o.getOrDefault("--repeat", "3")));
        Path csv = e.generate(rows);
        List<Timing> timings = e.measure(csv);
        String table = table(timings, rows);
        System.out.print(table);
        Path result = Path.of(o.getOrDefault("--result", "benchmarks/results/" + Instant.now().toString().substring(0, 10)
            + "-e2e-" + rows + ".json"));
        Files.createDirectories(result.toAbsolutePath().getParent());
        Files.writeString(result, json(timings, rows, e.repeat));
        System.out.println("results: " + result);
        if (o.containsKey("--jfr")) System.out.print(e.profile(csv));
    }

    private static Map<String, String> options(String[] args) {
        Map<String, String> o = new LinkedHashMap<>();
        for (int i = 0; i < args.length; i++) {
            if (args[i].equals("--jfr")) o.put("--jfr", "");
            else if (i + 1 < args.length) o.put(args[i], args[++i]);
            else throw new IllegalArgumentException("option " + args[i] + " needs a value");
        }
        return o;
    }

    /** A deterministic CSV of {@link SyntheticBars} minute bars, ISO date-time, comma, written once per row count. */
    private Path generate(int rows) throws IOException {
        Files.createDirectories(work);
        Path csv = work.resolve("gbm-" + rows + ".csv");
        if (Files.exists(csv)) return csv;
        SyntheticBars bars = SyntheticBars.generate(rows);
        Path tmp = work.resolve(csv.getFileName() + ".tmp");
        try (BufferedWriter w = Files.newBufferedWriter(tmp, StandardCharsets.UTF_8)) {
            w.write("time,open,high,low,close,volume\n");
            for (int i = 0; i < rows; i++) {
                w.write(Instant.ofEpochMilli(bars.time()[i]).toString());
                w.write(',' + Double.toString(bars.open()[i]) + ',' + bars.high()[i] + ',' + bars.low()[i] + ','
                    + bars.close()[i] + ',' + (long) bars.volume()[i] + '\n');
            }
        }
        Files.move(tmp, csv);
        return csv;
    }

    private List<Step> steps(Path csv) {
        String data = csv.toString();
        List<String> ibex = new ArrayList<>(IBEX_FLAGS);
        ibex.add("-XX:SharedArchiveFile=" + cds);
        ibex.addAll(List.of("-jar", ibexJar.toString()));
        return List.of(
            new Step("ta4j", "Ta4j 0.22.2 DoubleNum: read CSV + SMA(20)xSMA(50) backtest (fresh JVM)",
                List.of("-cp", benchJar.toString(), Ta4jCsvBacktest.class.getName(), data), false),
            new Step("backtest", "ibex backtest sma-cross 20/50 --out (5 files)", concat(ibex, "backtest", "--data", data,
                "--strategy", "sma-cross", "-p", "fast=20", "-p", "slow=50", "--quantity", "1", "--commission", "none",
                "--out", work.resolve("out-backtest").toString()), false),
            new Step("import", "ibex data import (fresh H2 store)", concat(ibex, "data", "import", data, "--symbol", "GBM",
                "--db", work.resolve("db").resolve("bars").toString()), true),
            new Step("sweep100", "ibex sweep sma-cross 10x10 = 100 sets --out", concat(ibex, "sweep", "--data", data,
                "--strategy", "sma-cross", "--grid", "fast=5:50:5", "--grid", "slow=60:150:10", "--out",
                work.resolve("out-sweep").toString()), false));
    }

    private static List<String> concat(List<String> head, String... tail) {
        List<String> all = new ArrayList<>(head);
        all.addAll(Arrays.asList(tail));
        return all;
    }

    private List<Timing> measure(Path csv) throws IOException, InterruptedException {
        List<Timing> out = new ArrayList<>();
        for (Step s : steps(csv)) {
            run(s, -1);                                             // warm-up: file cache, class-data archive
            double[] ms = new double[repeat];
            long[] rss = new long[repeat];
            for (int k = 0; k < repeat; k++) {
                long[] r = run(s, k);
                ms[k] = r[0] / 1e6;
                rss[k] = r[1];
            }
            Integer[] order = new Integer[repeat];
            for (int k = 0; k < repeat; k++) order[k] = k;
            Arrays.sort(order, Comparator.comparingDouble(k -> ms[k]));
            int median = order[repeat / 2];
            out.add(new Timing(s.name(), s.what(), ms[median], ms, rss[median]));
            System.err.printf(Locale.ROOT, "e2e: %-9s %s ms%n", s.name(), Arrays.toString(ms));
        }
        return out;
    }

    /** Runs one step; {nanos, peak RSS KiB or -1}. A failing command stops the benchmark with its output. */
    private long[] run(Step s, int k) throws IOException, InterruptedException {
        if (s.freshDb()) deleteTree(work.resolve("db"));
        Path log = work.resolve(s.name() + ".log"), rssFile = work.resolve(s.name() + ".rss");
        List<String> cmd = new ArrayList<>();
        boolean timeTool = Files.isExecutable(Path.of("/usr/bin/time"));
        if (timeTool) cmd.addAll(List.of("/usr/bin/time", "-f", "%M", "-o", rssFile.toString()));
        cmd.add(java.toString());
        cmd.addAll(s.args());
        ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(log.toFile());
        Path home = work.resolve("home");
        Files.createDirectories(home);
        pb.environment().put("HOME", home.toString());
        pb.environment().put("IBEX_HOME", home.resolve(".ibex").toString());
        pb.environment().remove("JAVA_TOOL_OPTIONS");
        long start = System.nanoTime();
        int exit = pb.start().waitFor();
        long nanos = System.nanoTime() - start;
        if (exit != 0)
            throw new IllegalStateException(s.name() + " exited " + exit + ":\n" + Files.readString(log));
        long rss = timeTool ? Long.parseLong(Files.readString(rssFile).strip().lines().reduce((a, b) -> b).orElse("-1")) : -1;
        return new long[] {nanos, rss};
    }

    private static String table(List<Timing> t, int rows) {
        double ta4j = t.get(0).medianMs();
        StringBuilder b = new StringBuilder(String.format(Locale.ROOT, "%nEnd to end, %,d rows (median wall time, fresh JVM each)%n", rows));
        b.append(String.format(Locale.ROOT, "%-10s %12s %14s %12s  %s%n", "step", "median ms", "Ta4j / step", "peak RSS MB", "what"));
        for (Timing x : t)
            b.append(String.format(Locale.ROOT, "%-10s %12.0f %13.2fx %12s  %s%n", x.name(), x.medianMs(), ta4j / x.medianMs(),
                x.peakRssKib() < 0 ? "n/a" : Long.toString(x.peakRssKib() / 1024), x.what()));
        return b.append("(Ta4j / step > 1: the ibex step is faster than one Ta4j read + backtest of the same file)\n").toString();
    }

    private static String json(List<Timing> t, int rows, int repeat) {
        StringBuilder b = new StringBuilder("{\n");
        b.append("  \"rows\": ").append(rows).append(",\n  \"repeat\": ").append(repeat).append(",\n");
        b.append("  \"machine\": \"").append(Runtime.getRuntime().availableProcessors()).append(" cores, ")
            .append(System.getProperty("os.name")).append(' ').append(System.getProperty("os.arch")).append("\",\n");
        b.append("  \"jvm\": \"").append(System.getProperty("java.vm.name")).append(' ')
            .append(System.getProperty("java.vm.version")).append("\",\n  \"steps\": [\n");
        for (int i = 0; i < t.size(); i++) {
            Timing x = t.get(i);
            b.append(String.format(Locale.ROOT, "    {\"name\": \"%s\", \"what\": \"%s\", \"median_ms\": %.1f, \"runs_ms\": %s,"
                + " \"peak_rss_kib\": %d, \"ta4j_over_step\": %.3f}%s%n", x.name(), x.what(), x.medianMs(),
                Arrays.toString(Arrays.stream(x.runsMs()).map(v -> Math.round(v * 10) / 10.0).toArray()), x.peakRssKib(),
                t.get(0).medianMs() / x.medianMs(), i + 1 < t.size() ? "," : ""));
        }
        return b.append("  ]\n}\n").toString();
    }

    /** Records one ibex backtest with JFR and summarises where its samples fall. */
    private String profile(Path csv) throws IOException, InterruptedException {
        Step backtest = steps(csv).get(1);
        Path jfr = work.resolve("backtest.jfr");
        List<String> args = new ArrayList<>(List.of("-XX:StartFlightRecording=filename=" + jfr + ",settings=profile"));
        args.addAll(backtest.args());
        run(new Step("backtest-jfr", backtest.what(), args, false), 0);
        Path jfrTool = java.resolveSibling("jfr");
        Path printed = work.resolve("backtest-samples.txt");
        int exit = new ProcessBuilder(jfrTool.toString(), "print", "--events", "jdk.ExecutionSample", jfr.toString())
            .redirectErrorStream(true).redirectOutput(printed.toFile()).start().waitFor();
        if (exit != 0) throw new IllegalStateException("jfr print failed: " + Files.readString(printed));
        return JfrSummary.of(Files.readAllLines(printed), 20) + "recording: " + jfr + "\n";
    }

    private static void deleteTree(Path dir) throws IOException {
        if (!Files.exists(dir)) return;
        try (Stream<Path> all = Files.walk(dir)) {
            all.sorted(Comparator.reverseOrder()).forEach(p -> {
                try {
                    Files.delete(p);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        }
    }
}
