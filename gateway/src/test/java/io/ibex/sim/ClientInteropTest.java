package io.ibex.sim;

import static org.assertj.core.api.Assertions.assertThat;

import io.ibex.framework.domain.OrderType;
import io.ibex.framework.domain.Side;
import io.ibex.framework.domain.TimeInForce;
import io.ibex.gateway.AccountId;
import io.ibex.gateway.GatewayClient;
import io.ibex.gateway.GatewayClock;
import io.ibex.gateway.GatewayRateLimiter;
import io.ibex.gateway.GatewayTransport;
import io.ibex.gateway.LiveOrder;
import io.ibex.gateway.OrderTicket;
import io.ibex.gateway.PinnedTls;
import io.ibex.gateway.PlaceOrderReply;
import io.ibex.gateway.SnapshotRow;
import java.math.BigDecimal;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * §8 acceptance: the real Feign client (io.ibex.gateway) reads every simulator answer through its DTOs, over the
 * pinned certificate, with its own rate limiter and the simulator's pacing on the same fake wall clock.
 */
class ClientInteropTest {
    /** The client's wall clock and the simulator's pacing clock: sleeping just moves time. */
    private static final class FakeWall implements GatewayClock {
        final AtomicLong nanos = new AtomicLong(1_000_000_000L);
        @Override public long nanoTime() { return nanos.get(); }
        @Override public Instant now() { return Instant.ofEpochSecond(0, nanos.get()); }
        @Override public void sleep(Duration d) { nanos.addAndGet(Math.max(0, d.toNanos())); }
    }

    private final FakeWall wall = new FakeWall();
    private final GatewaySimulator sim = Fixtures.stepped(189.37, 189.50).strict(true).pacingClock(wall.nanos::get)
        .pacing(PacingMode.RECORD).start();
    private final GatewayClient client = new GatewayClient(GatewayTransport.build(URI.create(sim.rootUrl()),
        PinnedTls.fromTrustStore(sim.trustStore()), wall, GatewayRateLimiter.ibkrDefaults(wall), Duration.ofSeconds(5),
        Duration.ofSeconds(5)), wall, 10, 3, Duration.ofMillis(500));

    @AfterEach void close() { sim.close(); }

    @Test void theClientReadsEveryAnswerThroughItsDtosAndKeepsToThePacing() {
        assertThat(client.tickle().healthy()).isTrue();
        var accounts = client.brokerageAccounts();
        assertThat(accounts.accounts()).containsExactly("DU1234567");
        assertThat(accounts.paper()).isTrue();
        AccountId acct = client.resolveAccount("DU1234567");
        assertThat(client.portfolioAccounts()).hasSize(1);
        assertThat(client.summary(acct).get("netliquidation").amount()).isEqualByComparingTo("100000");
        assertThat(client.search("AAPL").get(0).toString()).contains("265598");

        List<SnapshotRow> snap = client.snapshot(List.of(Fixtures.AAPL), List.of(31, 84, 86));
        assertThat(snap.get(0).isPreflight()).isFalse();
        assertThat(snap.get(0).field(31).orElseThrow().number().getAsDouble()).isEqualTo(189.37);

        client.suppressQuestions(List.of("o163", "o451", "o354", "o383", "o10331"));
        sim.questions().forceNext("o451");
        PlaceOrderReply placed = client.placeOrder(new OrderTicket("DU1234567", Fixtures.AAPL, Side.BUY, BigDecimal.TEN, OrderType.LMT,
            new BigDecimal("189.00"), null, TimeInForce.DAY, "interop-1", false), q -> true);
        assertThat(placed).isInstanceOf(PlaceOrderReply.Placed.class);
        String orderId = ((PlaceOrderReply.Placed) placed).orderId();

        List<LiveOrder> live = client.liveOrders();
        assertThat(live).extracting(LiveOrder::orderRef).containsExactly("interop-1");
        assertThat(live.get(0).price()).isEqualByComparingTo("189.00");
        assertThat(live.get(0).isWorking()).isTrue();

        PlaceOrderReply dup = client.placeOrder(new OrderTicket("DU1234567", Fixtures.AAPL, Side.BUY, BigDecimal.TEN, OrderType.LMT,
            new BigDecimal("189.00"), null, TimeInForce.DAY, "interop-1", false), q -> true);
        assertThat(dup).isInstanceOfSatisfying(PlaceOrderReply.Rejected.class, r -> assertThat(r.duplicateClientOrderId()).isTrue());

        assertThat(client.cancel(acct, orderId).acknowledged()).isTrue();
        sim.clock().advance(Duration.ofSeconds(1));
        assertThat(sim.orders().get(Long.parseLong(orderId)).status()).isEqualTo("Cancelled");

        PlaceOrderReply mkt = client.placeOrder(new OrderTicket("DU1234567", Fixtures.AAPL, Side.BUY, new BigDecimal("3"), OrderType.MKT,
            null, null, TimeInForce.DAY, "interop-2", false), q -> true);
        assertThat(mkt).isInstanceOf(PlaceOrderReply.Placed.class);
        assertThat(client.trades(1)).singleElement().satisfies(t -> {
            assertThat(t.orderRef()).isEqualTo("interop-2");
            assertThat(t.price()).isEqualByComparingTo("189.38");
            assertThat(t.side()).isEqualTo(Side.BUY);
        });
        assertThat(client.positionsRealtime(acct).get(0).position()).isEqualByComparingTo("3");
        assertThat(client.positions(acct).get(0).avgPrice()).isEqualByComparingTo("189.38");

        assertThat(sim.journal().countStatus(411)).as("every body-less POST carried a Content-Length").isZero();
        assertThat(sim.pacingViolations()).as("the client's limiter keeps within the gateway's pacing").isEmpty();
        assertThat(sim.warnings()).as("every request had a User-Agent").isEmpty();
    }
}
