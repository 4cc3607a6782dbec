package io.ibex.bench;

import io.ibex.framework.domain.Instrument;
import io.ibex.gateway.GatewayClient;
import io.ibex.gateway.GatewayClock;
import io.ibex.gateway.GatewayRateLimiter;
import io.ibex.gateway.GatewayTransport;
import io.ibex.gateway.PinnedTls;
import io.ibex.gateway.SnapshotParser;
import io.ibex.gateway.SnapshotRow;
import io.ibex.gateway.stream.GatewayStream;
import io.ibex.gateway.stream.StreamConfig;
import io.ibex.gateway.stream.StreamListener;
import io.ibex.live.market.BarBuilder;
import io.ibex.live.market.GatewaySnapshots;
import io.ibex.live.market.SnapshotPoller;
import io.ibex.live.market.StreamingQuotes;
import io.ibex.sim.Account;
import io.ibex.sim.GatewaySimulator;
import io.ibex.sim.PacingMode;
import io.ibex.sim.PriceScript;
import io.ibex.sim.SessionState;
import io.ibex.sim.SimClock;
import io.ibex.sim.SimInstrument;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The WebSocket path side by side with snapshot polling, for 50 symbols on the gateway simulator (manual clock, one
 * tick per second per symbol):
 * <ul>
 *   <li>{@code decodeSmd}: decode rate of {@code smd} pushes (1-3 changed fields each) merged into the last quote,
 *   messages/s; compare {@code SnapshotParserBenchmark} (snapshot rows/s).</li>
 *   <li>{@code tickToBarStream}: one simulated second (50 ticks) until all 50 quotes reached the bar builder over WSS;
 *   {@code tickToBarPolling}: the same second read by one 50-conid snapshot call. Average time per tick. Polling's real
 *   latency adds the wait for the next poll (on average half the 500 ms cadence), which this does not include.</li>
 * </ul>
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class StreamingBenchmark {
    static final int SYMBOLS = 50;

    @State(Scope.Benchmark)
    public static class Messages {
        static final int COUNT = 1000;
        String[] messages;
        SnapshotRow[] last;

        @Setup public void setUp() {
            messages = new String[COUNT];
            for (int i = 0; i < COUNT; i++) {
                long conid = 100_000 + i % SYMBOLS;
                double px = 100 + (i % 97) * 0.01;
                messages[i] = switch (i % 3) {
                    case 0 -> String.format(Locale.ROOT, "{\"31\":\"%.2f\",\"server_id\":\"q0\",\"conidEx\":\"%d\",\"conid\":%d,"
                        + "\"_updated\":%d,\"6119\":\"q0\",\"topic\":\"smd+%d\"}", px, conid, conid, 1_772_463_600_000L + i, conid);
                    case 1 -> String.format(Locale.ROOT, "{\"31\":\"%.2f\",\"84\":\"%.2f\",\"7762\":\"%d\",\"server_id\":\"q0\","
                        + "\"conidEx\":\"%d\",\"conid\":%d,\"_updated\":%d,\"topic\":\"smd+%d\"}", px, px - 0.01, 10_000 + i, conid, conid,
                        1_772_463_600_000L + i, conid);
                    default -> String.format(Locale.ROOT, "{\"84\":\"%.2f\",\"86\":\"%.2f\",\"83\":%.2f,\"conid\":%d,\"_updated\":%d,"
                        + "\"topic\":\"smd+%d\"}", px - 0.01, px + 0.01, (i % 7) / 10.0, conid, 1_772_463_600_000L + i, conid);
                };
            }
            last = new SnapshotRow[SYMBOLS];
            for (int s = 0; s < SYMBOLS; s++) last[s] = SnapshotRow.empty(100_000 + s);
        }
    }

    @Benchmark
    @OperationsPerInvocation(Messages.COUNT)
    public SnapshotRow decodeSmd(Messages m) {
        SnapshotRow r = null;
        for (String msg : m.messages) {
            r = SnapshotParser.parseObject(msg);
            int s = (int) (r.conid() - 100_000);
            m.last[s] = m.last[s].mergedWith(r);
        }
        return r;
    }

    /** 50 symbols on the simulator, a stream and a snapshot poller over pinned TLS, both feeding a bar builder. */
    @State(Scope.Benchmark)
    public static class Gateway {
        final SimClock clock = SimClock.manual(Instant.parse("2026-03-02T15:00:00Z"));
        GatewaySimulator sim;
        GatewayStream stream;
        StreamingQuotes feed;
        SnapshotPoller poller;
        BarBuilder builder;
        final AtomicInteger pushed = new AtomicInteger();

        @Setup(Level.Trial) public void setUp() {
            var b = GatewaySimulator.builder().clock(clock).pacing(PacingMode.OFF).initialSession(SessionState.AUTHENTICATED)
                .account(Account.paper("DU1234567").cash("USD", 1_000_000))
                .brokerageIdleTimeout(Duration.ofDays(1)).ssoIdleTimeout(Duration.ofDays(1)).nightlyReset(null)
                .maxSessionAge(Duration.ofDays(365));
            Map<Instrument, Long> conids = new LinkedHashMap<>();
            List<Instrument> instruments = new ArrayList<>();
            for (int s = 0; s < SYMBOLS; s++) {
                long conid = 100_000 + s;
                b.instrument(SimInstrument.stock(conid, "S" + s, "SYMBOL " + s, "NASDAQ").prices(PriceScript.randomWalk(s, 100, 5, 12_000, Duration.ofSeconds(1))));
                Instrument in = Instrument.of("S" + s);
                conids.put(in, conid);
                instruments.add(in);
            }
            sim = b.start();
            for (long c : conids.values()) sim.market(c).setClosed(false);
            GatewayClient client = new GatewayClient(GatewayTransport.build(URI.create(sim.rootUrl()),
                PinnedTls.fromTrustStore(sim.trustStore()), GatewayClock.SYSTEM, new GatewayRateLimiter(GatewayClock.SYSTEM, 100_000, 100_000,
                    Map.of(), 5, Duration.ofMinutes(10), Duration.ofSeconds(1), Duration.ofSeconds(10)), Duration.ofSeconds(10), Duration.ofSeconds(10)), GatewayClock.SYSTEM);
            client.brokerageAccounts();
            GatewaySnapshots snapshots = new GatewaySnapshots(client, System::nanoTime);
            snapshots.prime(instruments);
            poller = new SnapshotPoller(instruments, 100, 8, snapshots, () -> clock.millis() * 1_000_000L);
            builder = new BarBuilder(60_000, (in, t, o, h, l, c, v) -> { });
            feed = new StreamingQuotes(conids, poller, System::nanoTime);
            stream = new GatewayStream(URI.create(sim.rootUrl()), PinnedTls.fromTrustStore(sim.trustStore()), client::sessionId,
                clock, new StreamConfig(Duration.ofSeconds(50), Duration.ofDays(1), Duration.ofMinutes(10), Duration.ofSeconds(5)),
                new StreamListener() {
                    @Override public void onQuote(SnapshotRow merged) {
                        feed.onQuote(merged);
                        pushed.incrementAndGet();
                    }
                });
            feed.connect(stream);
            stream.maintain();
            awaitPushes(SYMBOLS);
            feed.poll(q -> { });
        }

        void awaitPushes(int atLeast) {
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
            while (pushed.get() < atLeast) {
                if (System.nanoTime() > deadline) throw new IllegalStateException("stream delivered " + pushed.get() + " of " + atLeast);
                Thread.onSpinWait();
            }
        }

        @TearDown(Level.Trial) public void tearDown() {
            stream.close();
            sim.close();
        }
    }

    @Benchmark
    @BenchmarkMode(Mode.AverageTime)
    @OutputTimeUnit(TimeUnit.MICROSECONDS)
    @OperationsPerInvocation(SYMBOLS)
    public int tickToBarStream(Gateway g) {
        int target = g.pushed.get() + SYMBOLS;
        g.clock.advance(Duration.ofSeconds(1));
        g.awaitPushes(target);
        long now = g.clock.millis();
        return g.feed.poll(q -> g.builder.onQuote(q, now));
    }

    @Benchmark
    @BenchmarkMode(Mode.AverageTime)
    @OutputTimeUnit(TimeUnit.MICROSECONDS)
    @OperationsPerInvocation(SYMBOLS)
    public int tickToBarPolling(Gateway g) {
        g.clock.advance(Duration.ofSeconds(1));
        long now = g.clock.millis();
        return g.poller.poll(q -> g.builder.onQuote(q, now));
    }
}
