package io.ibex.live.market;

import static org.assertj.core.api.Assertions.assertThat;

import io.ibex.framework.domain.Instrument;
import io.ibex.gateway.GatewayClient;
import io.ibex.gateway.GatewayClock;
import io.ibex.gateway.GatewayRateLimiter;
import io.ibex.gateway.GatewayTransport;
import io.ibex.gateway.PinnedTls;
import io.ibex.gateway.SnapshotRow;
import io.ibex.gateway.stream.GatewayStream;
import io.ibex.gateway.stream.OrderUpdate;
import io.ibex.gateway.stream.Queues;
import io.ibex.gateway.stream.StreamConfig;
import io.ibex.gateway.stream.StreamListener;
import io.ibex.sim.Account;
import io.ibex.sim.GatewaySimulator;
import io.ibex.sim.PacingMode;
import io.ibex.sim.PriceScript;
import io.ibex.sim.Route;
import io.ibex.sim.SessionState;
import io.ibex.sim.SimClock;
import io.ibex.sim.SimInstrument;
import io.ibex.sim.Tick;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Bars from the stream while it is healthy, from snapshot polling while it is not, and the same bars either way:
 * one tick every 10 s on the simulator's manual clock, 1-minute bars; the stream is cut (its handshake refused) for the
 * second minute and comes back for the third. The mode shows on the status line.
 */
class StreamingQuotesTest {
    static final Instant OPEN = Instant.parse("2026-03-02T15:00:00Z");
    static final Instrument AAPL = Instrument.of("AAPL");
    static final double[] PATH = {100.0, 100.4, 99.8, 100.9, 100.2, 100.5, 101.0, 101.6, 100.7, 101.2, 101.9, 101.4,
        102.0, 101.1, 102.5, 101.8, 102.2, 101.3, 101.5};
    final SimClock clock = SimClock.manual(OPEN);
    final GatewaySimulator sim = GatewaySimulator.builder().clock(clock).pacing(PacingMode.OFF)
        .initialSession(SessionState.AUTHENTICATED).account(Account.paper("DU1234567").cash("USD", 100_000))
        .instrument(SimInstrument.aapl().prices(path())).start();
    final GatewayClient client = new GatewayClient(GatewayTransport.build(URI.create(sim.rootUrl()),
        PinnedTls.fromTrustStore(sim.trustStore()), GatewayClock.SYSTEM, GatewayRateLimiter.ibkrDefaults(GatewayClock.SYSTEM),
        Duration.ofSeconds(10), Duration.ofSeconds(10)), GatewayClock.SYSTEM);
    final BlockingQueue<SnapshotRow> delivered = new LinkedBlockingQueue<>();
    final BlockingQueue<String> statuses = new LinkedBlockingQueue<>();
    final List<double[]> bars = new ArrayList<>();
    GatewayStream stream;

    static PriceScript path() {
        List<Tick> ticks = new ArrayList<>();
        for (int i = 0; i < PATH.length; i++)
            ticks.add(new Tick(OPEN.toEpochMilli() + i * 10_000L, PATH[i], PATH[i] - 0.01, PATH[i] + 0.01, 500, 500, 100, 100L * (i + 1)));
        return PriceScript.ticks(ticks);
    }

    @AfterEach void close() {
        if (stream != null) stream.close();
        sim.close();
    }

    static <T> T await(BlockingQueue<T> q, Predicate<T> p) throws InterruptedException { return Queues.await(q, p); }

    @Test void barsAreTheSameFromTheStreamAndFromThePollingFallBack() throws Exception {
        client.brokerageAccounts();
        GatewaySnapshots snapshots = new GatewaySnapshots(client, () -> clock.millis() * 1_000_000);
        snapshots.prime(List.of(AAPL));
        SnapshotPoller poller = new SnapshotPoller(List.of(AAPL), 100, 6, snapshots, () -> clock.millis() * 1_000_000);
        StreamingQuotes feed = new StreamingQuotes(Map.of(AAPL, 265598L), poller, () -> clock.millis() * 1_000_000);
        stream = new GatewayStream(URI.create(sim.rootUrl()), PinnedTls.fromTrustStore(sim.trustStore()), client::sessionId,
            clock, StreamConfig.defaults(), new StreamListener() {
                @Override public void onQuote(SnapshotRow merged) { feed.onQuote(merged); delivered.add(merged); }
                @Override public void onOrder(OrderUpdate update) { feed.onOrder(update); }
                @Override public void onStatus(String status) { feed.onStatus(status); statuses.add(status); }
            });
        feed.connect(stream);
        BarBuilder builder = new BarBuilder(60_000, (in, t, o, h, l, c, v) -> bars.add(new double[] {t, o, h, l, c}));
        List<String> modes = new ArrayList<>();

        stream.maintain();
        await(delivered, q -> q.updatedMillis().orElse(0) == OPEN.toEpochMilli());
        pass(feed, builder, modes);
        for (int i = 1; i < PATH.length; i++) {
            if (i == 12) sim.faults().clear();       // the gateway takes WebSockets again
            clock.advance(Duration.ofSeconds(10));
            long tickAt = OPEN.toEpochMilli() + i * 10_000L;
            if (i <= 6 || i >= 13) await(delivered, q -> q.updatedMillis().orElse(0) == tickAt);
            if (i == 6) {                            // cut the stream: drop it and refuse the reconnects
                sim.faults().on(Route.get("/ws")).respond(503, "");
                sim.websocket().dropAll();
                await(statuses, s -> s.startsWith("stream failed") || s.startsWith("stream closed"));
            }
            pass(feed, builder, modes);
            // reconnected in that pass: its resubscription is answered with the current tick before time moves on
            if (i == 12) await(delivered, q -> q.updatedMillis().orElse(0) == tickAt);
        }

        assertThat(modes.subList(0, 6)).containsOnly("stream");
        assertThat(modes.subList(6, 12)).allMatch(m -> m.startsWith("polling ("));
        assertThat(modes.subList(13, modes.size())).containsOnly("stream");
        assertThat(bars).hasSize(3);
        for (int k = 0; k < 3; k++) {
            double[] b = bars.get(k);
            double hi = Double.NEGATIVE_INFINITY, lo = Double.POSITIVE_INFINITY;
            for (int i = 6 * k; i < 6 * k + 6; i++) { hi = Math.max(hi, PATH[i]); lo = Math.min(lo, PATH[i]); }
            assertThat(b).as("bar " + k).containsExactly(OPEN.toEpochMilli() + 60_000L * k, PATH[6 * k], hi, lo, PATH[6 * k + 5]);
        }
        assertThat(stream.connects()).isEqualTo(2);
    }

    @Test void aFillAnnouncedOnSorMarksFillsDue() throws Exception {
        client.brokerageAccounts();
        new GatewaySnapshots(client, System::nanoTime).prime(List.of(AAPL));
        SnapshotPoller poller = new SnapshotPoller(List.of(AAPL), 100, 6, snapshots(), () -> clock.millis() * 1_000_000);
        StreamingQuotes feed = new StreamingQuotes(Map.of(AAPL, 265598L), poller, System::nanoTime);
        BlockingQueue<OrderUpdate> orders = new LinkedBlockingQueue<>();
        stream = new GatewayStream(URI.create(sim.rootUrl()), PinnedTls.fromTrustStore(sim.trustStore()), client::sessionId,
            clock, StreamConfig.defaults(), new StreamListener() {
                @Override public void onOrder(OrderUpdate update) { feed.onOrder(update); orders.add(update); }
            });
        feed.connect(stream);
        stream.maintain();
        // the sim pushes on sor only orders open when it subscribed: wait for the subscription, or the fill races it
        long until = System.nanoTime() + 10_000_000_000L;
        while (sim.websocket().orderSubscribers() == 0 && System.nanoTime() < until) Thread.sleep(10);
        assertThat(sim.websocket().orderSubscribers()).as("sor subscribed").isEqualTo(1);
        assertThat(feed.takeFillsDue()).isFalse();
        client.placeOrder(new io.ibex.gateway.OrderTicket("DU1234567", 265598, io.ibex.framework.domain.Side.BUY,
            java.math.BigDecimal.ONE, io.ibex.framework.domain.OrderType.MKT, null, null, io.ibex.framework.domain.TimeInForce.DAY,
            "sor-1", false), io.ibex.gateway.QuestionPolicy.DECLINE_ALL);
        OrderUpdate filled = await(orders, OrderUpdate::filled);
        assertThat(filled.orderRef()).contains("sor-1");
        assertThat(feed.takeFillsDue()).isTrue();
        assertThat(feed.takeFillsDue()).as("once").isFalse();
    }

    private GatewaySnapshots snapshots() { return new GatewaySnapshots(client, System::nanoTime); }

    private void pass(StreamingQuotes feed, BarBuilder builder, List<String> modes) {
        long now = clock.millis();
        feed.poll(q -> builder.onQuote(q, now));
        builder.advanceTo(now);
        modes.add(feed.mode());
    }
}
