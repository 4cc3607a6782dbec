package io.ibex.cli;

import picocli.CommandLine;

import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;

/**
 * The launcher's training run for the JVM's class-data (AOT) cache: the commands users run most, in one JVM, so that
 * the cache holds their classes (and, on JDK 25, their method profiles) rather than only those of whichever command
 * happened to run first after a build. Everything it writes stays under the directory it is given; nothing reaches
 * the terminal, the user's home or a network beyond 127.0.0.1 (the in-process gateway simulator).
 *
 * <p>Usage: {@code java -XX:AOTCacheOutput=ibex.aot -cp ibex.jar io.ibex.cli.Training DIR}; exit 0 when every command
 * succeeded, 1 otherwise (the launcher then keeps no cache rather than a partial one).
 */
public final class Training {
    private Training() {}

    public static void main(String[] args) throws IOException {
        if (args.length != 1) {
            System.err.println("usage: Training DIR");
            System.exit(2);
        }
        List<String> failed = run(Path.of(args[0]));
        failed.forEach(f -> System.err.println("ibex training: failed: " + f));
        System.exit(failed.isEmpty() ? 0 : 1);
    }

    /** Runs every training command; returns the ones that did not exit 0. */
    static List<String> run(Path dir) throws IOException {
        Files.createDirectories(dir);
        Path csv = writeMinuteBars(dir.resolve("train-1m.csv"), 5_000);
        List<String> failed = new ArrayList<>();
        PrintStream out = System.out, err = System.err;
        PrintStream nowhere = new PrintStream(OutputStream.nullOutputStream(), true, StandardCharsets.UTF_8);
        System.setOut(nowhere);
        System.setErr(nowhere);
        try {
            for (List<String> command : commands(dir, csv)) {
                CommandLine cl = IbexCommand.commandLineFor(command.toArray(String[]::new));
                cl.setOut(new PrintWriter(Writer.nullWriter()));
                cl.setErr(new PrintWriter(Writer.nullWriter()));
                if (cl.execute(command.toArray(String[]::new)) != 0) failed.add(String.join(" ", command));
            }
        } finally {
            System.setOut(out);
            System.setErr(err);
        }
        return failed;
    }

    static List<List<String>> commands(Path dir, Path csv) {
        String d = dir.toString(), f = csv.toString();
        return List.of(
            List.of("backtest", "--data", f, "--strategy", "sma-cross", "-p", "fast=20", "-p", "slow=50", "--quantity", "1",
                "--commission", "none", "--out", d + "/backtest"),
            List.of("backtest", "--data", "sample:aapl-2013", "--strategy", "breakout-bracket", "--out", d + "/bracket"),
            List.of("sweep", "--data", f, "--strategy", "sma-cross", "--grid", "fast=5:20:5", "--grid", "slow=60:90:10",
                "--out", d + "/sweep"),
            List.of("data", "import", f, "--symbol", "TRAIN", "--db", d + "/bars"),
            List.of("data", "list", "--db", d + "/bars"),
            List.of("positions", "--gateway", "sim"),
            List.of("quote", "AAPL", "--gateway", "sim"),
            List.of("accounts", "--gateway", "sim"),          // not orders: its second read waits 5 s of gateway pacing
            List.of("live", "--gateway", "sim", "--sim-data", "sample:aapl-2013", "--speed", "max", "--strategy", "sma-cross",
                "--symbol", "AAPL", "--out", d + "/live"),
            List.of("--help"));
    }

    /** A deterministic random walk of minute bars in the layout {@code ibex backtest} reads most: ISO time, comma. */
    static Path writeMinuteBars(Path file, int rows) {
        SplittableRandom random = new SplittableRandom(42);
        long t = Instant.parse("2024-01-02T14:30:00Z").toEpochMilli();
        double close = 100;
        StringBuilder sb = new StringBuilder(rows * 64).append("time,open,high,low,close,volume\n");
        for (int i = 0; i < rows; i++, t += 60_000) {
            double open = close;
            close = Math.max(1, open * (1 + random.nextGaussian() * 0.001));
            double high = Math.max(open, close) + 0.01, low = Math.min(open, close) - 0.01;
            sb.append(Instant.ofEpochMilli(t)).append(',')
                .append(String.format(Locale.ROOT, "%.2f,%.2f,%.2f,%.2f,%d%n", open, high, low, close, 100 + random.nextInt(900)));
        }
        try {
            return Files.writeString(file, sb.toString().replace(System.lineSeparator(), "\n"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
