package io.ibex.gateway.stream;

import static org.assertj.core.api.Assertions.assertThat;

import io.ibex.gateway.FieldValue;
import io.ibex.gateway.GatewayClient;
import io.ibex.gateway.GatewayClock;
import io.ibex.gateway.GatewayRateLimiter;
import io.ibex.gateway.GatewayTransport;
import io.ibex.gateway.PinnedTls;
import io.ibex.gateway.SnapshotRow;
import io.ibex.sim.Account;
import io.ibex.sim.GatewaySimulator;
import io.ibex.sim.PacingMode;
import io.ibex.sim.PriceScript;
import io.ibex.sim.SessionState;
import io.ibex.sim.SimClock;
import io.ibex.sim.SimInstrument;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * ibex's WebSocket client against the simulator's {@code /v1/api/ws} on the simulator's manual clock: smd renewal
 * before IBKR's 15-minute end, reconnect and resubscribe after a drop, after stalled heartbeats and after a re-login,
 * and survival of malformed messages. Waits are for network delivery only; time moves by the clock.
 */
class GatewayStreamTest {
    static final Instant OPEN = Instant.parse("2026-03-02T15:00:00Z");
    static final long AAPL = 265598;
    final SimClock clock = SimClock.manual(OPEN);
    final GatewaySimulator sim = GatewaySimulator.builder().clock(clock).pacing(PacingMode.OFF)
        .initialSession(SessionState.AUTHENTICATED).account(Account.paper("DU1234567").cash("USD", 100_000))
        .instrument(SimInstrument.aapl().prices(PriceScript.randomWalk(3, 189.60, 5)))
        .brokerageIdleTimeout(Duration.ofHours(2)).ssoIdleTimeout(Duration.ofHours(2))
        .start();
    final BlockingQueue<SnapshotRow> quotes = new LinkedBlockingQueue<>();
    final BlockingQueue<String> statuses = new LinkedBlockingQueue<>();
    final BlockingQueue<Instant> heartbeats = new LinkedBlockingQueue<>();
    final GatewayClient client = new GatewayClient(GatewayTransport.build(URI.create(sim.rootUrl()),
        PinnedTls.fromTrustStore(sim.trustStore()), GatewayClock.SYSTEM, GatewayRateLimiter.ibkrDefaults(GatewayClock.SYSTEM),
        Duration.ofSeconds(10), Duration.ofSeconds(10)), GatewayClock.SYSTEM);
    GatewayStream stream;

    @AfterEach void close() {
        if (stream != null) stream.close();
        sim.close();
    }

    GatewayStream open(StreamConfig config) {
        stream = new GatewayStream(URI.create(sim.rootUrl()), PinnedTls.fromTrustStore(sim.trustStore()), client::sessionId,
            clock, config, new StreamListener() {
                @Override public void onQuote(SnapshotRow merged) { quotes.add(merged); }
                @Override public void onStatus(String status) { statuses.add(status); }
                @Override public void onHeartbeat() { heartbeats.add(clock.instant()); }
            });
        stream.subscribe(AAPL, List.of(31, 84, 86));
        stream.maintain();
        return stream;
    }

    /**
     * Advances the clock in 10 s steps, running the client's upkeep after each. With {@code heartbeats}, each step
     * first waits until that step's heartbeat was delivered, so that network delay never looks like a stall.
     */
    void run(Duration d, boolean heartbeats) throws InterruptedException {
        for (long s = 0; s < d.toSeconds(); s += 10) {
            clock.advance(Duration.ofSeconds(Math.min(10, d.toSeconds() - s)));
            if (heartbeats) await(this.heartbeats, t -> t.equals(clock.instant()));
            stream.maintain();
        }
    }

    void run(Duration d) throws InterruptedException { run(d, true); }

    /** Waits for a quote updated at or after {@code t} (sim time); the quote carries every subscribed field. */
    SnapshotRow quoteAtOrAfter(Instant t) throws InterruptedException {
        return await(quotes, q -> q.updatedMillis().orElse(0) >= t.toEpochMilli());
    }

    static <T> T await(BlockingQueue<T> q, Predicate<T> p) throws InterruptedException { return Queues.await(q, p); }

    boolean anyQuoteAtOrAfter(Instant t) {
        return quotes.stream().anyMatch(q -> q.updatedMillis().orElse(0) >= t.toEpochMilli());
    }

    @Test void mergesChangedFieldsIntoTheLastQuote() throws Exception {
        open(StreamConfig.defaults());
        SnapshotRow first = quoteAtOrAfter(OPEN);
        assertThat(first.field(31)).containsInstanceOf(FieldValue.Live.class);
        run(Duration.ofSeconds(10));
        SnapshotRow later = quoteAtOrAfter(OPEN.plusSeconds(10));
        assertThat(later.field(84)).as("bid kept from earlier pushes when unchanged").isPresent();
        assertThat(later.field(86)).isPresent();
        assertThat(stream.healthy()).isTrue();
    }

    @Test void renewsEverySubscriptionBeforeTheGatewayEndsIt() throws Exception {
        open(StreamConfig.defaults());   // renew every 10 min; the simulator ends smd after 15 min
        run(Duration.ofMinutes(20));
        assertThat(quoteAtOrAfter(OPEN.plus(Duration.ofMinutes(19)))).isNotNull();
        assertThat(stream.connects()).as(String.valueOf(statuses)).isEqualTo(1);
    }

    @Test void withoutRenewalQuotesStopAfterFifteenMinutes() throws Exception {
        open(new StreamConfig(Duration.ofSeconds(50), Duration.ofSeconds(35), Duration.ofHours(1), Duration.ofSeconds(5)));
        quoteAtOrAfter(OPEN);       // the subscription was answered at OPEN, before the clock moves: it ends at OPEN + 15 min
        run(Duration.ofMinutes(20));
        quoteAtOrAfter(OPEN.plus(Duration.ofMinutes(14)));
        stream.subscribeOrders();   // a round trip: everything the simulator pushed before it has arrived
        assertThat(anyQuoteAtOrAfter(OPEN.plus(Duration.ofMinutes(15)).plusSeconds(1))).isFalse();
    }

    @Test void reconnectsAndResubscribesAfterTheSocketDrops() throws Exception {
        open(StreamConfig.defaults());
        quoteAtOrAfter(OPEN);
        sim.websocket().dropAll();
        await(statuses, s -> s.startsWith("stream failed") || s.startsWith("stream closed"));
        run(Duration.ofSeconds(10), false);
        assertThat(stream.connects()).isEqualTo(2);
        run(Duration.ofSeconds(10));
        assertThat(quoteAtOrAfter(OPEN.plusSeconds(20))).isNotNull();
    }

    @Test void reconnectsWhenHeartbeatsStop() throws Exception {
        open(StreamConfig.defaults());
        run(Duration.ofSeconds(20));
        assertThat(stream.connects()).isEqualTo(1);
        sim.websocket().stallHeartbeats(true);
        run(Duration.ofSeconds(40), false);
        await(statuses, s -> s.startsWith("no heartbeat"));
        assertThat(stream.connects()).isEqualTo(2);
        sim.websocket().stallHeartbeats(false);
        run(Duration.ofSeconds(10));
        assertThat(quoteAtOrAfter(OPEN.plusSeconds(70))).isNotNull();
        assertThat(stream.healthy()).isTrue();
    }

    @Test void resubscribesAfterAReLogin() throws Exception {
        open(StreamConfig.defaults());
        quoteAtOrAfter(OPEN);
        sim.session().brokerageTimeout();
        run(Duration.ofSeconds(10));
        await(statuses, s -> s.contains("not authenticated"));
        assertThat(stream.healthy()).isFalse();
        sim.session().set(SessionState.AUTHENTICATED);   // a new brokerage session: the simulator forgot every smd
        run(Duration.ofSeconds(10));
        await(statuses, s -> s.contains("authenticated again"));
        run(Duration.ofSeconds(10));
        assertThat(quoteAtOrAfter(OPEN.plusSeconds(30))).isNotNull();
        assertThat(stream.connects()).isEqualTo(1);
    }

    @Test void skipsAMalformedMessageAndSurvivesABadFrame() throws Exception {
        open(StreamConfig.defaults());
        quoteAtOrAfter(OPEN);
        sim.websocket().malformedJson();
        run(Duration.ofSeconds(10));
        assertThat(quoteAtOrAfter(OPEN.plusSeconds(10))).isNotNull();
        assertThat(stream.connects()).isEqualTo(1);
        sim.websocket().badFrame();
        await(statuses, s -> s.startsWith("stream failed") || s.startsWith("stream closed"));
        run(Duration.ofSeconds(10), false);
        assertThat(stream.connects()).isEqualTo(2);
        run(Duration.ofSeconds(10));
        assertThat(quoteAtOrAfter(OPEN.plusSeconds(30))).isNotNull();
    }
}
