package io.ibex.data;

import io.ibex.data.cli.ImportChild;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.random.RandomGenerator;
import java.util.random.RandomGeneratorFactory;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * reliability.md F24: kill -9 during an import. A child JVM runs the real {@code ibex data import} of 300,000 bars;
 * once it announces the write transaction ("importing N bars") it is killed with SIGKILL after a seeded random delay.
 * The reopened store must hold all of that import or none of it, and the other series must be untouched. (A full
 * 300k import takes several seconds on 2 cores, so the kills land inside the transaction; completed imports and
 * re-imports are covered by H2BarStoreTest.)
 */
class ImportKillTest {
    private static final int ROWS = 300_000;
    private static final long SEED = 20240611L;
    @TempDir static Path dir;
    private static Path big;

    @BeforeAll
    static void generateALargeFile() throws IOException {
        big = dir.resolve("gen.csv");
        RandomGenerator random = RandomGeneratorFactory.of("L64X128MixRandom").create(SEED);
        try (BufferedWriter w = Files.newBufferedWriter(big)) {
            w.write("timestamp,open,high,low,close,volume\n");
            long t = 1_600_000_000L;
            long price = 10_000;                       // cents
            for (int i = 0; i < ROWS; i++, t += 60) {
                long open = price, close = Math.max(100, price + random.nextLong(-50, 51));
                long high = Math.max(open, close) + random.nextLong(0, 20), low = Math.min(open, close) - random.nextLong(0, 20);
                w.write(t + "," + open / 100 + "." + pad(open) + "," + high / 100 + "." + pad(high) + "," + low / 100
                    + "." + pad(low) + "," + close / 100 + "." + pad(close) + "," + random.nextInt(1, 5000) + "\n");
                price = close;
            }
        }
    }

    private static String pad(long cents) { return String.format("%02d", cents % 100); }

    @Test
    void aKilledImportLeavesAllOrNothingAndTheRetryIsIdempotent() throws Exception {
        String db = dir.resolve("store/ibex").toString();
        Path aapl = dir.resolve("aapl.csv");
        try (InputStream in = BarSources.class.getResourceAsStream("samples/aapl-2013.csv")) {
            Files.copy(in, aapl);
        }
        try (H2BarStore store = H2BarStore.open(db)) {
            FileImporter.importFile(store, aapl, "AAPL", null, false, null, ImportProgress.NONE);
        }
        RandomGenerator random = RandomGeneratorFactory.of("L64X128MixRandom").create(SEED);
        List<String> outcomes = new ArrayList<>();
        for (int run = 0; run < 4; run++) {
            long delayMillis = 50 + random.nextLong(0, 600);
            String before;
            try (H2BarStore store = H2BarStore.open(db)) {
                before = StoreFixtures.digest(store);
            }
            Process child = startImport(db);
            awaitLine(child, "importing " + ROWS + " bars");
            Thread.sleep(delayMillis);                 // lets the transaction get under way; then SIGKILL
            child.destroyForcibly();
            assertThat(child.waitFor(30, TimeUnit.SECONDS)).isTrue();

            try (H2BarStore store = H2BarStore.open(db)) {
                List<SeriesInfo> series = store.list();
                assertThat(series).filteredOn(s -> s.symbol().equals("AAPL")).singleElement()
                    .extracting(SeriesInfo::count).isEqualTo(252L);
                long gen = series.stream().filter(s -> s.symbol().equals("GEN")).mapToLong(SeriesInfo::count).sum();
                assertThat(gen).as("run %d killed %d ms into the write", run, delayMillis).isIn(0L, (long) ROWS);
                outcomes.add(gen == 0 ? "none" : "all");
                if (gen == 0) assertThat(StoreFixtures.digest(store)).isEqualTo(before);
                else assertThat(StoreFixtures.count(store, "SELECT COUNT(*) FROM bar_import")).isEqualTo(2);
                if (gen == ROWS) {
                    assertThat(store.load("GEN", Duration.ofMinutes(1)).size()).isEqualTo(ROWS);
                    store.delete("GEN", null);
                }
            }
        }
        System.out.println("ImportKillTest outcomes after SIGKILL: " + outcomes);
        assertThat(outcomes).contains("none");      // at least one kill really landed inside the transaction

        try (H2BarStore store = H2BarStore.open(db)) {          // the retry after the crashes: idempotent
            String before = store.list().toString();
            var retry = FileImporter.importFile(store, aapl, "AAPL", null, false, null, ImportProgress.NONE);
            assertThat(retry.store().alreadyImported()).isTrue();
            assertThat(store.list().toString()).isEqualTo(before);
        }
    }

    private static Process startImport(String db) throws IOException {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        List<String> argv = List.of(java, "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC", "-Xmx256m",
            "-cp", System.getProperty("java.class.path"), ImportChild.class.getName(),
            "import", big.toString(), "--symbol", "GEN", "--db", db);
        return new ProcessBuilder(argv).redirectErrorStream(true).start();
    }

    /** Blocks on the child's output until the line appears (fails if the child ends first). */
    private static void awaitLine(Process child, String expected) throws IOException {
        BufferedReader out = new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8));
        List<String> seen = new ArrayList<>();
        for (String line = out.readLine(); line != null; line = out.readLine()) {
            if (line.equals(expected)) return;
            seen.add(line);
        }
        throw new AssertionError("child ended before printing '" + expected + "': " + seen);
    }
}
