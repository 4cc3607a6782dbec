package io.ibex.live.runner;

import io.ibex.framework.domain.Instrument;
import io.ibex.framework.domain.Side;
import io.ibex.live.journal.IntentDraft;
import io.ibex.live.journal.OrderJournal;
import io.ibex.live.risk.MarketView;
import io.ibex.live.risk.OrderCheck;
import io.ibex.live.risk.RiskGate;
import io.ibex.live.risk.RiskLimits;
import io.ibex.live.testing.ManualClock;
import io.ibex.live.testing.VenueModel;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicBoolean;

/** Journal + risk + router + reconciler over one venue, on a manual clock (lookup pauses advance it). */
final class RouterFixture implements AutoCloseable {
    static final Instrument AAPL = Instrument.of("AAPL");
    static final BigDecimal EQUITY = new BigDecimal("100000");

    final ManualClock clock;
    final VenueModel venue;
    final OrderJournal journal;
    final AtomicBoolean halted = new AtomicBoolean();
    final RiskGate risk;
    final ExposureBook exposure;
    final OrderRouter router;
    final Reconciler reconciler;

    RouterFixture(Path journalPath, VenueModel venue, ManualClock clock, boolean shadow) {
        this.clock = clock;
        this.venue = venue;
        this.journal = OrderJournal.open(journalPath, "r1", clock);
        this.risk = new RiskGate(RiskLimits.defaults(), clock, halted::get);
        this.exposure = new ExposureBook(journal);
        this.router = new OrderRouter(journal, risk, venue, exposure, clock, d -> clock.advanceMillis(d.toMillis()),
            OrderRouter.LookupPolicy.defaults(), shadow);
        this.reconciler = new Reconciler(journal, venue, router, exposure, risk);
    }

    static RouterFixture fresh(Path dir) {
        return new RouterFixture(dir.resolve("journal"), new VenueModel(), new ManualClock(Instant.parse("2024-03-05T15:00:00Z")), false);
    }

    RouteResult buy(double qty) { return order(Side.BUY, qty); }

    RouteResult order(Side side, double qty) {
        return router.place(OrderCheck.market(AAPL, side, qty),
            q -> IntentDraft.market("sma-cross", "1", "built-in", AAPL, side, q), MarketView.fresh(100), EQUITY);
    }

    @Override public void close() { journal.close(); }
}
