package io.ibex.bench;

import io.ibex.data.BarFiles;
import io.ibex.framework.domain.Bars;
import io.ibex.framework.domain.Instrument;
import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.ta4j.core.BarSeries;
import org.ta4j.core.BaseBarSeriesBuilder;
import org.ta4j.core.num.DoubleNumFactory;

/**
 * Parsing a 1M-row bar CSV ({@code timestamp,open,high,low,close,volume}, ISO-8601 UTC times, 0.01 prices) into a
 * series. ibex: {@code BarFiles.read} (format detection, header aliases, validation, file:line errors). The
 * primitive loop and Ta4j use the same minimal split-and-parse (no validation), like Ta4j's example CSV loader.
 * Score = ns per row. The file lives in a temp directory for the trial and is deleted afterwards.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@State(Scope.Benchmark)
public class CsvParseBenchmark {
    private static final Instrument SYN = Instrument.of("SYN");
    private Path dir;
    private Path csv;

    @Setup(Level.Trial)
    public void writeCsv() throws IOException {
        dir = Files.createTempDirectory("ibex-bench-csv");
        csv = dir.resolve("syn-1m.csv");
        write(Market.oneMillion(), csv);
    }

    @TearDown(Level.Trial)
    public void deleteCsv() throws IOException {
        Files.deleteIfExists(csv);
        Files.deleteIfExists(dir);
    }

    static void write(SyntheticBars bars, Path file) throws IOException {
        try (BufferedWriter out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            out.write("timestamp,open,high,low,close,volume\n");
            StringBuilder line = new StringBuilder(96);
            for (int i = 0; i < bars.size(); i++) {
                line.setLength(0);
                line.append(Instant.ofEpochMilli(bars.time()[i])).append(',')
                        .append(bars.open()[i]).append(',').append(bars.high()[i]).append(',')
                        .append(bars.low()[i]).append(',').append(bars.close()[i]).append(',')
                        .append((long) bars.volume()[i]).append('\n');
                out.append(line);
            }
        }
    }

    @Benchmark
    @OperationsPerInvocation(Market.BARS)
    public Bars ibexBarFiles() {
        return BarFiles.read(csv, SYN, null);
    }

    @Benchmark
    @OperationsPerInvocation(Market.BARS)
    public double[] primitiveLoop() {
        return parseColumns(csv, Market.BARS)[3];
    }

    @Benchmark
    @OperationsPerInvocation(Market.BARS)
    public BarSeries ta4jDoubleNum() {
        double[][] c = parseColumns(csv, Market.BARS);
        BarSeries series = new BaseBarSeriesBuilder().withNumFactory(DoubleNumFactory.getInstance()).build();
        for (int i = 0; i < c[0].length; i++) {
            series.barBuilder().timePeriod(Duration.ofMinutes(1))
                    .endTime(Instant.ofEpochMilli((long) c[0][i]).plusSeconds(60))
                    .openPrice(c[1][i]).highPrice(c[2][i]).lowPrice(c[3][i]).closePrice(c[4][i]).volume(c[5][i])
                    .add();
        }
        return series;
    }

    /** time (epoch millis as double), open, high, low, close, volume. */
    static double[][] parseColumns(Path file, int rows) {
        double[][] c = new double[6][rows];
        try (BufferedReader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            in.readLine();
            String line;
            int i = 0;
            while ((line = in.readLine()) != null) {
                String[] cells = line.split(",");
                c[0][i] = Instant.parse(cells[0]).toEpochMilli();
                for (int k = 1; k < 6; k++) {
                    c[k][i] = Double.parseDouble(cells[k]);
                }
                i++;
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return c;
    }
}
