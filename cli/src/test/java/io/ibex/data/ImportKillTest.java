package io.ibex.data;

import io.ibex.cli.data.ImportChild;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.random.RandomGenerator;
import java.util.random.RandomGeneratorFactory;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * reliability.md, "Bar store" (issue 17.1): kill -9 inside an import's commit window. A child JVM
 * ({@code -Xmx128m}) runs the real {@code ibex data import}; an uncut run first measures how long the import takes
 * after it announces "importing N bars", then each run kills the child at 85-100% of that time, which is where the
 * staged version is made live, the replaced version removed. Runs alternate between a new
 * series and one that replaces a stored series (changed and extra bars). After each kill the reopened store must hold
 * exactly the state before the import or exactly the state after it (a partial series is a failure), no staged
 * leftovers, and an import that was rolled back must be importable again (not "already imported"; checked on the
 * first two rollbacks, each retry being a full import).
 *
 * <p>{@code ./ibex test} runs {@value #DEFAULT_KILLS} kills on {@value #DEFAULT_ROWS} rows; the torture profile
 * ({@code mvn -Ptorture}) sets {@code ibex.torture.kills} and {@code ibex.torture.rows} (20 kills, 3M rows).
 */
class ImportKillTest {
    private static final int DEFAULT_KILLS = 5;
    private static final int DEFAULT_ROWS = 200_000;
    private static final int KILLS = Integer.getInteger("ibex.torture.kills", DEFAULT_KILLS);
    private static final int ROWS = Integer.getInteger("ibex.torture.rows", DEFAULT_ROWS);
    private static final long SEED = 20240611L;
    @TempDir static Path dir;
    private static Path fileA, fileB;

    /** File A, and file B: the same times with the second half's prices changed, plus a tenth more bars. */
    @BeforeAll
    static void generateTwoLargeFiles() throws IOException {
        fileA = dir.resolve("gen-a.csv");
        fileB = dir.resolve("gen-b.csv");
        RandomGenerator random = RandomGeneratorFactory.of("L64X128MixRandom").create(SEED);
        try (BufferedWriter a = Files.newBufferedWriter(fileA); BufferedWriter b = Files.newBufferedWriter(fileB)) {
            a.write("timestamp,open,high,low,close,volume\n");
            b.write("timestamp,open,high,low,close,volume\n");
            long t = 1_600_000_000L;
            long price = 10_000;                       // cents
            for (int i = 0; i < ROWS + ROWS / 10; i++, t += 60) {
                long open = price, close = Math.max(100, price + random.nextLong(-50, 51));
                long high = Math.max(open, close) + random.nextLong(0, 20), low = Math.min(open, close) - random.nextLong(0, 20);
                int volume = random.nextInt(1, 5000);
                if (i < ROWS) a.write(row(t, open, high, low, close, volume));
                b.write(row(t, open, high + (i >= ROWS / 2 ? 1 : 0), low, close, volume));
                price = close;
            }
        }
    }

    private static String row(long t, long open, long high, long low, long close, int volume) {
        return t + "," + cents(open) + "," + cents(high) + "," + cents(low) + "," + cents(close) + "," + volume + "\n";
    }

    private static String cents(long c) { return c / 100 + "." + String.format("%02d", c % 100); }

    /** One kind of run: a base store, and the states before and after importing file B into it. */
    private record Scenario(String name, Path base, String before, String after, long importNanos) {}

    @Test
    void killsInsideTheCommitWindowLeaveTheOldStateOrTheNewOneNeverAPartialSeries() throws Exception {
        Path aapl = StoreFixtures.copySample("aapl-2013.csv", dir, "aapl.csv");
        Path newSeries = dir.resolve("base-new/ibex"), replace = dir.resolve("base-replace/ibex");
        try (H2BarStore store = H2BarStore.open(newSeries.toString())) {
            FileImporter.importFile(store, aapl, "AAPL", null, false, null, ImportProgress.NONE);
        }
        copyStore(newSeries, replace);
        try (H2BarStore store = H2BarStore.open(replace.toString())) {
            FileImporter.importFile(store, fileA, "GEN", null, false, null, ImportProgress.NONE);
        }
        List<Scenario> scenarios = List.of(scenario("new series", newSeries), scenario("replaced series", replace));

        RandomGenerator random = RandomGeneratorFactory.of("L64X128MixRandom").create(SEED);
        int killedRunning = 0, rolledBack = 0, complete = 0, partial = 0, reimported = 0, deferred = 0;
        List<String> runs = new ArrayList<>();
        for (int run = 0; run < KILLS; run++) {
            Scenario s = scenarios.get(run % 2);
            Path db = dir.resolve("run-" + run + "/ibex");
            copyStore(s.base(), db);
            double at = 0.85 + 0.15 * random.nextDouble();
            Process child = startImport(db);
            awaitLine(child, "importing ");
            TimeUnit.NANOSECONDS.sleep((long) (s.importNanos() * at));
            boolean running = child.isAlive();
            child.destroyForcibly();
            assertThat(child.waitFor(60, TimeUnit.SECONDS)).isTrue();
            if (running) killedRunning++;

            try (H2BarStore store = H2BarStore.open(db.toString())) {
                String state = StoreFixtures.content(store);
                long leftovers = StoreFixtures.count(store, "SELECT COUNT(*) FROM bar_series WHERE live IS NULL");
                assertThat(leftovers).as("staged leftovers after run %d (at most the killed one, when H2 keeps it"
                    + " locked)", run).isLessThanOrEqualTo(1);
                if (leftovers > 0) deferred++;
                String outcome = state.equals(s.before()) ? "old" : state.equals(s.after()) ? "new" : "PARTIAL";
                runs.add(s.name() + " at " + Math.round(at * 100) + "%" + (running ? "" : " (had ended)") + ": " + outcome);
                System.out.println("ImportKillTest run " + run + ": " + runs.get(run));
                if (outcome.equals("PARTIAL")) partial++;
                else if (outcome.equals("old")) rolledBack++;
                else complete++;
                if (outcome.equals("old") && reimported < 2) {
                    var retry = FileImporter.importFile(store, fileB, "GEN", null, false, null, ImportProgress.NONE);
                    assertThat(retry.store().alreadyImported()).as("retry after run %d", run).isFalse();
                    assertThat(StoreFixtures.content(store)).isEqualTo(s.after());
                    reimported++;
                }
            }
        }
        System.out.printf("ImportKillTest: %d rows, %d kills (%d while the child ran): %d rolled back, %d complete,"
            + " %d partial series; %d retries imported; %d clean-ups deferred by H2 row locks; %s%n", ROWS, KILLS,
            killedRunning, rolledBack, complete, partial, reimported, deferred, runs);
        assertThat(partial).as("runs that left a partial series: %s", runs).isZero();
        assertThat(killedRunning).as("kills that hit a running import").isPositive();
    }

    /** The states before and after an uncut import of file B into a copy of {@code base}, and how long it took. */
    private static Scenario scenario(String name, Path base) throws Exception {
        String before, after;
        try (H2BarStore store = H2BarStore.open(base.toString())) {
            before = StoreFixtures.content(store);
        }
        Path db = dir.resolve("reference-" + base.getParent().getFileName() + "/ibex");
        copyStore(base, db);
        Process child = startImport(db);
        awaitLine(child, "importing ");
        long started = System.nanoTime();
        String rest = new String(child.getInputStream().readAllBytes(), StandardCharsets.UTF_8);   // what the reader left
        assertThat(child.waitFor(10, TimeUnit.MINUTES)).isTrue();
        long nanos = System.nanoTime() - started;
        assertThat(child.exitValue()).as("uncut import: %s", rest).isZero();
        try (H2BarStore store = H2BarStore.open(db.toString())) {
            after = StoreFixtures.content(store);
        }
        assertThat(after).isNotEqualTo(before);
        return new Scenario(name, base, before, after, nanos);
    }

    private static void copyStore(Path from, Path to) throws IOException {
        Files.createDirectories(to.getParent());
        for (String suffix : new String[] {".mv.db", ".generation"})
            Files.copy(Path.of(from + suffix), Path.of(to + suffix), StandardCopyOption.REPLACE_EXISTING);
    }

    private static Process startImport(Path db) throws IOException {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        List<String> argv = List.of(java, "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC", "-Xmx128m",
            "-cp", System.getProperty("java.class.path"), ImportChild.class.getName(),
            "import", fileB.toString(), "--symbol", "GEN", "--db", db.toString());
        return new ProcessBuilder(argv).redirectErrorStream(true).start();
    }

    /** Blocks on the child's output until a line starting with {@code prefix} appears (fails if the child ends first). */
    private static void awaitLine(Process child, String prefix) throws IOException {
        BufferedReader out = new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8));
        List<String> seen = new ArrayList<>();
        for (String line = out.readLine(); line != null; line = out.readLine()) {
            if (line.startsWith(prefix)) return;
            seen.add(line);
        }
        throw new AssertionError("child ended before printing '" + prefix + "...': " + seen);
    }
}
