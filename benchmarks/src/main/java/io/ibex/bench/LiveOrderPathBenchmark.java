package io.ibex.bench;

import io.ibex.framework.domain.Instrument;
import io.ibex.framework.domain.Side;
import io.ibex.live.journal.IntentDraft;
import io.ibex.live.journal.OrderJournal;
import io.ibex.live.risk.Exposure;
import io.ibex.live.risk.MarketView;
import io.ibex.live.risk.OrderCheck;
import io.ibex.live.risk.RiskGate;
import io.ibex.live.risk.RiskLimits;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.InstantSource;
import java.util.Comparator;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * The live order path's local costs (reliability.md §7): one committed intent in the H2 journal with WRITE_DELAY=0
 * (target >= 500/s, i.e. <= 2 ms each) and one risk check (target p99 <= 1 ms).
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.SampleTime)   // the distribution (p50, p99, p99.9), not just the mean
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 2, time = 2)
@Measurement(iterations = 3, time = 2)
@Fork(1)
public class LiveOrderPathBenchmark {
    private static final Instrument AAPL = Instrument.of("AAPL");
    private static final IntentDraft DRAFT = IntentDraft.market("bench", "1", "built-in", AAPL, Side.BUY, BigDecimal.ONE);
    private static final OrderCheck CHECK = OrderCheck.market(AAPL, Side.BUY, 10);
    private static final MarketView VIEW = MarketView.fresh(187.43);
    private static final Exposure EXPOSURE = new Exposure(new BigDecimal("100"), new BigDecimal("20"), BigDecimal.ZERO);
    private static final BigDecimal EQUITY = new BigDecimal("100000");

    private Path dir;
    private OrderJournal journal;
    private RiskGate risk;

    @Setup(Level.Trial)
    public void open() throws IOException {
        dir = Files.createTempDirectory("ibex-journal-bench");
        journal = OrderJournal.open(dir.resolve("journal"), "bench", InstantSource.fixed(Instant.parse("2026-03-02T15:00:00Z")));
        // the clock moves 1 ms per reading, so at most 60 000 approvals fall in any minute: the rate limit never denies
        RiskLimits l = new RiskLimits(new BigDecimal("1000000"), new BigDecimal("1e12"), 0.05, 100_000,
            new BigDecimal("1e12"), new BigDecimal("1e6"), 5_000);
        risk = new RiskGate(l, new InstantSource() {
            private long millis = Instant.parse("2026-03-02T15:00:00Z").toEpochMilli();
            @Override public long millis() { return ++millis; }
            @Override public Instant instant() { return Instant.ofEpochMilli(millis()); }
        }, () -> false);
    }

    @TearDown(Level.Trial)
    public void close() throws IOException {
        journal.close();
        try (Stream<Path> s = Files.walk(dir)) {
            s.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
    }

    @Benchmark
    public Object commitIntent() { return journal.recordIntent(DRAFT); }

    @Benchmark
    public Object riskCheck() { return risk.check(CHECK, VIEW, EXPOSURE, EQUITY); }
}
