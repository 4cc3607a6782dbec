package io.ibex.bench;

import io.ibex.data.H2BarStore;
import io.ibex.framework.domain.Bars;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * The H2 bar store (file mode, HikariCP, WRITE_DELAY=0) on 1M synthetic minute bars: one all-or-nothing import
 * transaction into an empty store, and one load of the whole series into the engine's columnar {@link Bars}.
 * Goals (issue "Data"): import under 5 s, load under 1 s. Single-shot: each import needs an empty store.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 1)
@Measurement(iterations = 3)
@Fork(1)
public class BarStoreBenchmark {
    private static final Duration MINUTE = Duration.ofMinutes(1);

    @Param({"1000000"})
    int bars;

    private Bars series;
    private Path loadDir;
    private H2BarStore loadStore;
    private Path importDir;
    private H2BarStore importStore;

    @Setup(Level.Trial)
    public void prepare() throws IOException {
        series = SyntheticBars.generate(bars).toBars();
        loadDir = Files.createTempDirectory("ibex-store-load");
        loadStore = H2BarStore.open(loadDir.resolve("bars").toString());
        loadStore.importBars(series, MINUTE);
    }

    @Setup(Level.Iteration)
    public void emptyStore() throws IOException {
        importDir = Files.createTempDirectory("ibex-store-import");
        importStore = H2BarStore.open(importDir.resolve("bars").toString());
    }

    @TearDown(Level.Iteration)
    public void dropStore() {
        importStore.close();
        delete(importDir);
    }

    @TearDown(Level.Trial)
    public void close() {
        loadStore.close();
        delete(loadDir);
    }

    @Benchmark
    public Object import1M() {
        return importStore.importBars(series, MINUTE);
    }

    @Benchmark
    public Bars load1M() {
        return loadStore.load(series.instrument().symbol(), MINUTE);
    }

    private static void delete(Path dir) {
        try (Stream<Path> files = Files.walk(dir)) {
            files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
