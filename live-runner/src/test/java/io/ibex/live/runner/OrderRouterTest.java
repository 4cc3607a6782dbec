package io.ibex.live.runner;

import io.ibex.framework.domain.ClientOrderId;
import io.ibex.framework.domain.OrderRequest;
import io.ibex.framework.event.OrderStatus;
import io.ibex.live.journal.IntentDraft;
import io.ibex.live.journal.JournalIntent;
import io.ibex.live.risk.DenyReason;
import io.ibex.live.testing.Checker;
import io.ibex.live.testing.VenueModel.Fault;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

class OrderRouterTest {
    @TempDir Path dir;
    RouterFixture fx;

    @BeforeEach void open() { fx = RouterFixture.fresh(dir); }

    @AfterEach void checkAndClose() {
        assertThat(Checker.check(fx.journal, fx.venue)).as("C1-C3").isEmpty();
        fx.close();
    }

    static ClientOrderId idOf(RouteResult r) { return ((RouteResult.Routed) r).id(); }

    JournalIntent intent(ClientOrderId id) { return fx.journal.find(id).orElseThrow(); }

    @Test
    void theIntentIsCommittedBeforeTheOrderGoesOnTheWire() {
        OrderGateway spy = new DelegatingGateway(fx.venue) {
            @Override public SubmitOutcome submit(OrderRequest r) {
                JournalIntent seen = fx.journal.find(r.id()).orElseThrow(() -> new AssertionError("POST before intent commit"));
                assertThat(seen.status()).isEqualTo(OrderStatus.SUBMITTED);
                assertThat(seen.attempts()).isEqualTo(1);
                return super.submit(r);
            }
        };
        OrderRouter router = new OrderRouter(fx.journal, fx.risk, spy, fx.exposure, fx.clock, d -> {},
            OrderRouter.LookupPolicy.defaults(), false);
        RouteResult r = router.place(io.ibex.live.risk.OrderCheck.market(RouterFixture.AAPL, io.ibex.framework.domain.Side.BUY, 5),
            q -> IntentDraft.market("sma-cross", "1", "built-in", RouterFixture.AAPL, io.ibex.framework.domain.Side.BUY, q),
            io.ibex.live.risk.MarketView.fresh(100), RouterFixture.EQUITY);
        assertThat(((RouteResult.Routed) r).status()).isEqualTo(OrderStatus.WORKING);
        assertThat(intent(idOf(r)).brokerOrderId()).isNotNull();
    }

    @Test
    void acceptedThenTimedOutIsFoundByItsClientIdAndNeverResent() {
        fx.venue.nextSubmit(Fault.ACCEPT_THEN_TIMEOUT);
        ClientOrderId id = idOf(fx.buy(10));
        assertThat(intent(id).status()).isEqualTo(OrderStatus.WORKING);
        assertThat(fx.venue.postsFor(id.value())).isEqualTo(1);
        assertThat(intent(id).attempts()).isEqualTo(1);
    }

    @Test
    void anUnparsableAnswerAfterAcceptanceTakesTheLookupPathToo() {
        fx.venue.nextSubmit(Fault.THROW_AFTER_ACCEPT);
        ClientOrderId id = idOf(fx.buy(10));
        assertThat(intent(id).status()).isEqualTo(OrderStatus.WORKING);
        assertThat(fx.venue.postsFor(id.value())).isEqualTo(1);
    }

    @Test
    void failedThenTimedOutIsResentWithTheSameClientIdAfterThreeProbesTwoSecondsApart() {
        fx.venue.nextSubmit(Fault.FAIL_THEN_TIMEOUT);
        long t0 = fx.clock.millis();
        ClientOrderId id = idOf(fx.buy(10));
        assertThat(fx.clock.millis() - t0).isEqualTo(4_000);   // probes at 0, 2 and 4 s
        assertThat(intent(id).status()).isEqualTo(OrderStatus.WORKING);
        assertThat(intent(id).attempts()).isEqualTo(2);
        assertThat(fx.venue.postsFor(id.value())).isEqualTo(2);
        assertThat(fx.venue.ourOrders()).hasSize(1);
    }

    @Test
    void aResendThatMeetsAlreadyRegisteredCountsAsPlaced() {
        fx.venue.nextSubmit(Fault.ACCEPT_THEN_TIMEOUT);
        fx.venue.hideFromLookups(3);    // the ack is slower than every probe (F14)
        ClientOrderId id = idOf(fx.buy(10));
        assertThat(fx.venue.postsFor(id.value())).isEqualTo(2);
        assertThat(fx.venue.ourOrders()).hasSize(1);
        assertThat(intent(id).status()).isEqualTo(OrderStatus.WORKING);
        assertThat(intent(id).brokerOrderId()).isNotNull();
    }

    @Test
    void aRejectionIsRecordedAndNothingIsResent() {
        fx.venue.nextSubmit(Fault.REJECT);
        ClientOrderId id = idOf(fx.buy(10));
        assertThat(intent(id).status()).isEqualTo(OrderStatus.REJECTED);
        assertThat(fx.venue.postsFor(id.value())).isEqualTo(1);
    }

    @Test
    void anUnknownIntentOlderThanTwentyHoursIsNeverResent() {
        fx.venue.setDown(true);
        ClientOrderId id = idOf(fx.router.place(io.ibex.live.risk.OrderCheck.market(RouterFixture.AAPL,
                io.ibex.framework.domain.Side.BUY, 3),
            q -> IntentDraft.market("s", "1", "built-in", RouterFixture.AAPL, io.ibex.framework.domain.Side.BUY, q),
            io.ibex.live.risk.MarketView.fresh(100), RouterFixture.EQUITY));
        // down: the POST was ambiguous and lookups fail, so the intent stays UNKNOWN
        assertThat(intent(id).status()).isEqualTo(OrderStatus.UNKNOWN);
        fx.venue.setDown(false);
        fx.clock.advanceMillis(Duration.ofHours(21).toMillis());
        assertThat(fx.router.resolve(id)).isEqualTo(OrderStatus.CANCELLED);
        assertThat(fx.venue.postsFor(id.value())).isZero();
    }

    @Test
    void denialsNeverReachTheJournalOrTheWire() {
        fx.halted.set(true);
        RouteResult r = fx.buy(10);
        assertThat(r).isInstanceOf(RouteResult.Denied.class);
        assertThat(((RouteResult.Denied) r).denial().reason()).isEqualTo(DenyReason.KILL_SWITCH);
        assertThat(fx.journal.intents()).isEmpty();
        assertThat(fx.venue.liveOrders()).isEmpty();
    }

    @Test
    void anUnknownIntentCountsAsFilledAgainstThePositionLimit() {
        fx.venue.setDown(true);
        fx.buy(900);
        fx.venue.setDown(false);
        RouteResult second = fx.buy(200);
        assertThat(((RouteResult.Denied) second).denial().reason()).isEqualTo(DenyReason.MAX_POSITION);
        fx.reconciler.reconcile(java.util.List.of(RouterFixture.AAPL));   // resolve before the checker runs
    }

    @Test
    void shadowModeJournalsTheOrderItWouldSendAndSendsNothing() {
        OrderRouter shadow = new OrderRouter(fx.journal, fx.risk, fx.venue, fx.exposure, fx.clock, d -> { },
            OrderRouter.LookupPolicy.defaults(), true);
        RouteResult r = shadow.place(io.ibex.live.risk.OrderCheck.market(RouterFixture.AAPL, io.ibex.framework.domain.Side.BUY, 5),
            q -> IntentDraft.market("sma-cross", "1", "built-in", RouterFixture.AAPL, io.ibex.framework.domain.Side.BUY, q),
            io.ibex.live.risk.MarketView.fresh(100), RouterFixture.EQUITY);
        ClientOrderId id = ((RouteResult.Shadowed) r).id();
        assertThat(fx.venue.liveOrders()).isEmpty();
        assertThat(fx.venue.postsFor(id.value())).isZero();
        assertThat(intent(id).status()).isEqualTo(OrderStatus.CANCELLED);
        assertThat(intent(id).attempts()).isZero();
    }

    @Test
    void fillsAreAppliedExactlyOnceAcrossRepeatedSyncs() {
        ClientOrderId id = idOf(fx.buy(10));
        fx.venue.fill(id.value(), new BigDecimal("4"), new BigDecimal("100"), 1);
        fx.venue.fill(id.value(), new BigDecimal("6"), new BigDecimal("101"), 2);
        assertThat(fx.router.syncFills()).hasSize(2);
        assertThat(fx.router.syncFills()).isEmpty();
        assertThat(intent(id).status()).isEqualTo(OrderStatus.FILLED);
        assertThat(fx.journal.position("AAPL")).isEqualByComparingTo("10");
    }

    /** Forwards everything to the venue; tests override one call. */
    static class DelegatingGateway extends DelegatingGatewayForTests {
        DelegatingGateway(OrderGateway d) { super(d); }
    }

    static class UnusedDelegatingGateway implements OrderGateway {
        final OrderGateway d;
        UnusedDelegatingGateway(OrderGateway d) { this.d = d; }
        @Override public SubmitOutcome submit(OrderRequest r) { return d.submit(r); }
        @Override public java.util.Optional<BrokerOrder> lookup(String c) { return d.lookup(c); }
        @Override public java.util.List<BrokerOrder> liveOrders() { return d.liveOrders(); }
        @Override public java.util.List<BrokerExecution> executions() { return d.executions(); }
        @Override public java.util.List<io.ibex.framework.domain.Position> positions() { return d.positions(); }
        @Override public void cancel(String id) { d.cancel(id); }
    }
}
