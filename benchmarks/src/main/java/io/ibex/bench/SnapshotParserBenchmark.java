package io.ibex.bench;

import io.ibex.gateway.SnapshotParser;
import io.ibex.gateway.SnapshotRow;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;

/**
 * Decode rate of {@code /iserver/marketdata/snapshot} answers: one body of 100 rows (the per-request maximum) in the
 * gateway's string shapes ({@code "C168.42"}, {@code "1,300"}, {@code "1.23M"}, text fields). Score = rows/s.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class SnapshotParserBenchmark {
    static final int ROWS = 100;
    String body;

    @Setup
    public void setUp() { body = body(ROWS); }

    @Benchmark
    @OperationsPerInvocation(ROWS)
    public List<SnapshotRow> decode() { return SnapshotParser.parse(body); }

    /** A realistic snapshot answer with {@code rows} rows. */
    public static String body(int rows) {
        StringBuilder s = new StringBuilder("[");
        for (int i = 0; i < rows; i++) {
            if (i > 0) s.append(',');
            double last = 100 + i * 1.37;
            String prefix = i % 10 == 0 ? "C" : i % 50 == 7 ? "H" : "";
            s.append(String.format(Locale.ROOT, "{\"31\":\"%s%.2f\",\"84\":\"%.2f\",\"86\":\"%.2f\",\"85\":\"%d\",\"88\":\"%,d\","
                    + "\"87\":\"%.2fM\",\"7059\":\"100\",\"55\":\"SYM%d\",\"6509\":\"RpB\",\"6119\":\"q1\",\"server_id\":\"q1\","
                    + "\"_updated\":%d,\"conid\":%d,\"conidEx\":\"%d\"}",
                prefix, last, last - 0.01, last + 0.01, 600 + i, 1300 + i * 1000, 1.23 + i / 100.0, i,
                1712596911593L + i, 265598 + i, 265598 + i));
        }
        return s.append(']').toString();
    }
}
