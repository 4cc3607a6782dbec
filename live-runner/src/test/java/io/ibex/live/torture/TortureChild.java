package io.ibex.live.torture;

import io.ibex.framework.domain.Instrument;
import io.ibex.framework.domain.OrderRequest;
import io.ibex.framework.domain.Side;
import io.ibex.live.journal.IntentDraft;
import io.ibex.live.journal.OrderJournal;
import io.ibex.live.risk.MarketView;
import io.ibex.live.risk.OrderCheck;
import io.ibex.live.risk.RiskGate;
import io.ibex.live.risk.RiskLimits;
import io.ibex.live.runner.ExposureBook;
import io.ibex.live.runner.OrderRouter;
import io.ibex.live.runner.Reconciler;
import io.ibex.live.runner.RouteResult;
import io.ibex.live.runner.SubmitOutcome;
import io.ibex.live.testing.VenueModel;

import java.io.PrintStream;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.InstantSource;
import java.util.List;
import java.util.SplittableRandom;

/**
 * The runner process of the kill -9 torture: production journal, risk, router and reconciler against a venue that
 * persists to its own file. On start it reconciles (resolving whatever the previous kill left UNKNOWN) and prints
 * VERIFIED; then it submits orders forever. Each ACK line is printed only after the commit it names has returned.
 * Args: journal venueFile seed writeDelayMillis.
 */
public final class TortureChild {
    static final Instrument AAPL = Instrument.of("AAPL");

    public static void main(String[] args) {
        Path journalPath = Path.of(args[0]);
        VenueModel venue = new VenueModel(Path.of(args[1]));
        SplittableRandom rnd = new SplittableRandom(Long.parseLong(args[2]));
        PrintStream out = System.out;
        InstantSource clock = InstantSource.system();
        try (OrderJournal journal = OrderJournal.open(journalPath, "t1", clock, Integer.parseInt(args[3]))) {
            RiskLimits limits = new RiskLimits(new BigDecimal("1000000"), new BigDecimal("1e12"), 0.05, 1_000_000,
                new BigDecimal("1e12"), new BigDecimal("1e6"), 5_000);
            RiskGate risk = new RiskGate(limits, clock, () -> false);
            ExposureBook exposure = new ExposureBook(journal);
            // the venue prints ACK-INTENT when the POST arrives: the intent (and its attempt) is committed by then
            VenueGateway gw = new VenueGateway(venue, out);
            OrderRouter router = new OrderRouter(journal, risk, gw, exposure, clock, d -> { },
                new OrderRouter.LookupPolicy(1, java.time.Duration.ZERO), false);
            new Reconciler(journal, gw, router, exposure, risk).reconcile(List.of(AAPL));
            out.println("VERIFIED " + journal.intents().size());
            out.flush();
            for (long n = 0; ; n++) {
                Side side = rnd.nextBoolean() ? Side.BUY : Side.SELL;
                int qty = 1 + rnd.nextInt(5);
                RouteResult r = router.place(OrderCheck.market(AAPL, side, qty),
                    q -> IntentDraft.market("torture", "1", "built-in", AAPL, side, q), MarketView.fresh(100), new BigDecimal("1e9"));
                if (r instanceof RouteResult.Routed routed) {
                    out.println("ACK-SENT " + routed.id());
                    out.flush();
                    if (rnd.nextInt(3) == 0) {
                        venue.fill(routed.id().value(), BigDecimal.valueOf(qty), new BigDecimal("100"), n);
                        router.syncFills().forEach(f -> out.println("ACK-FILL " + f.executionId()));
                        out.flush();
                    }
                }
            }
        }
    }

    /** The venue as seen through the order port, announcing each POST after the journal committed the intent. */
    static final class VenueGateway extends io.ibex.live.runner.DelegatingGatewayForTests {
        private final PrintStream out;

        VenueGateway(VenueModel venue, PrintStream out) {
            super(venue);
            this.out = out;
        }

        @Override public SubmitOutcome submit(OrderRequest r) {
            out.println("ACK-INTENT " + r.id());
            out.flush();
            return super.submit(r);
        }
    }
}
