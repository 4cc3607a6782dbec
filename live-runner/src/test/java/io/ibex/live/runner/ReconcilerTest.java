package io.ibex.live.runner;

import io.ibex.framework.domain.ClientOrderId;
import io.ibex.framework.domain.OrderRequest;
import io.ibex.framework.domain.Side;
import io.ibex.framework.event.OrderStatus;
import io.ibex.live.journal.IntentDraft;
import io.ibex.live.journal.JournalIntent;
import io.ibex.live.risk.DenyReason;
import io.ibex.live.testing.Checker;
import io.ibex.live.testing.ManualClock;
import io.ibex.live.testing.VenueModel;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class ReconcilerTest {
    static final List<io.ibex.framework.domain.Instrument> AAPL_ONLY = List.of(RouterFixture.AAPL);
    @TempDir Path dir;
    final ManualClock clock = new ManualClock(Instant.parse("2024-03-05T15:00:00Z"));
    final VenueModel venue = new VenueModel();

    RouterFixture start() { return new RouterFixture(dir.resolve("journal"), venue, clock, false); }

    @Test
    void aRestartAfterTheSendButBeforeTheAnswerAdoptsTheOrderWithoutResending() {
        ClientOrderId id;
        try (RouterFixture fx = start()) {
            // the crash: intent committed, marked sending, POST accepted, answer never recorded
            JournalIntent i = fx.journal.recordIntent(IntentDraft.market("s", "1", "built-in", RouterFixture.AAPL, Side.BUY, BigDecimal.TEN));
            fx.journal.markSending(i.id());
            venue.submit(OrderRequest.market(i.id(), RouterFixture.AAPL, Side.BUY, BigDecimal.TEN));
            id = i.id();
        }
        try (RouterFixture fx = start()) {
            Reconciler.Report report = fx.reconciler.reconcile(AAPL_ONLY);
            assertThat(report.resolved()).isEqualTo(1);
            assertThat(fx.journal.find(id).orElseThrow().status()).isEqualTo(OrderStatus.WORKING);
            assertThat(venue.postsFor(id.value())).isEqualTo(1);
            assertThat(Checker.check(fx.journal, venue)).isEmpty();
        }
    }

    @Test
    void anIntentThatNeverLeftIsClosedAsNeverSent() {
        ClientOrderId id;
        try (RouterFixture fx = start()) {
            id = fx.journal.recordIntent(IntentDraft.market("s", "1", "built-in", RouterFixture.AAPL, Side.BUY, BigDecimal.ONE)).id();
        }
        try (RouterFixture fx = start()) {
            fx.reconciler.reconcile(AAPL_ONLY);
            assertThat(fx.journal.find(id).orElseThrow().status()).isEqualTo(OrderStatus.CANCELLED);
            assertThat(venue.postsFor(id.value())).isZero();
        }
    }

    @Test
    void fillsThatHappenedWhileDisconnectedAreAppliedOnceAfterTheReconnect() {
        try (RouterFixture fx = start()) {
            ClientOrderId id = ((RouteResult.Routed) fx.buy(10)).id();
            fx.risk.setConnected(false);
            venue.fill(id.value(), new BigDecimal("3"), new BigDecimal("100"), 1);
            venue.fill(id.value(), new BigDecimal("7"), new BigDecimal("100.2"), 2);
            assertThat(fx.buy(1)).isInstanceOf(RouteResult.Denied.class);
            fx.risk.setConnected(true);
            assertThat(fx.reconciler.reconcile(AAPL_ONLY).newFills()).isEqualTo(2);
            assertThat(fx.reconciler.reconcile(AAPL_ONLY).newFills()).isZero();
            assertThat(fx.journal.find(id).orElseThrow().status()).isEqualTo(OrderStatus.FILLED);
            assertThat(fx.journal.position("AAPL")).isEqualByComparingTo("10");
            assertThat(Checker.check(fx.journal, venue)).isEmpty();
        }
    }

    @Test
    void foreignOrdersAreLeftAloneButCountForExposure() {
        venue.addForeign(RouterFixture.AAPL, Side.BUY, new BigDecimal("950"));
        try (RouterFixture fx = start()) {
            Reconciler.Report r = fx.reconciler.reconcile(AAPL_ONLY);
            assertThat(r.foreign()).hasSize(1);
            RouteResult denied = fx.buy(100);
            assertThat(((RouteResult.Denied) denied).denial().reason()).isEqualTo(DenyReason.MAX_POSITION);
            assertThat(venue.liveOrders()).filteredOn(o -> o.orderRef().equals("TWS-manual"))
                .extracting(BrokerOrder::status).containsExactly(OrderStatus.WORKING);
        }
    }

    @Test
    void aPositionMismatchFreezesTheInstrumentAndTellsTheUser() {
        venue.addUnjournaledPosition("AAPL", new BigDecimal("50"));    // held before this journal: the baseline
        try (RouterFixture fx = start()) {
            assertThat(fx.reconciler.reconcile(AAPL_ONLY).frozen()).isEmpty();
            assertThat(fx.buy(10)).isInstanceOf(RouteResult.Routed.class);
        }
        venue.addUnjournaledPosition("AAPL", new BigDecimal("-20"));   // someone sold 20 by hand
        try (RouterFixture fx = start()) {
            Reconciler.Report r = fx.reconciler.reconcile(AAPL_ONLY);
            assertThat(r.frozen()).containsExactly(RouterFixture.AAPL);
            assertThat(r.messages()).anySatisfy(m -> assertThat(m).contains("position mismatch on AAPL: journal expects 50, broker reports 30"));
            assertThat(((RouteResult.Denied) fx.buy(1)).denial().reason()).isEqualTo(DenyReason.FROZEN_INSTRUMENT);
        }
    }

    @Test
    void theCheckerCatchesAResendWithANewClientId() {
        // C7: the broken control. A "retry" that mints a new cOID creates a second broker order for one intent.
        try (RouterFixture fx = start()) {
            ClientOrderId id = ((RouteResult.Routed) fx.buy(10)).id();
            venue.submit(OrderRequest.market(new ClientOrderId(id.value() + "0"), RouterFixture.AAPL, Side.BUY, BigDecimal.TEN));
            assertThat(Checker.check(fx.journal, venue)).anySatisfy(v -> assertThat(v).startsWith("C1:"));
        }
    }
}
