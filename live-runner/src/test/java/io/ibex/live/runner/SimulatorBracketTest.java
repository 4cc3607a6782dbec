package io.ibex.live.runner;

import io.ibex.framework.domain.ClientOrderId;
import io.ibex.framework.domain.Instrument;
import io.ibex.framework.domain.OrderType;
import io.ibex.framework.domain.Side;
import io.ibex.framework.domain.TimeInForce;
import io.ibex.framework.event.OrderEvent;
import io.ibex.framework.event.OrderStatus;
import io.ibex.framework.strategy.BarWindow;
import io.ibex.framework.strategy.BracketIds;
import io.ibex.framework.strategy.Sizing;
import io.ibex.framework.strategy.Strategy;
import io.ibex.framework.strategy.StrategyContext;
import io.ibex.gateway.AccountId;
import io.ibex.gateway.GatewayClient;
import io.ibex.gateway.GatewayRateLimiter;
import io.ibex.gateway.GatewayTransport;
import io.ibex.gateway.ManualClock;
import io.ibex.gateway.PinnedTls;
import io.ibex.gateway.QuestionPolicy;
import io.ibex.live.journal.JournalIntent;
import io.ibex.live.journal.OrderJournal;
import io.ibex.live.market.Quote;
import io.ibex.live.market.StalenessGuard;
import io.ibex.live.risk.RiskGate;
import io.ibex.live.risk.RiskLimits;
import io.ibex.sim.Account;
import io.ibex.sim.GatewaySimulator;
import io.ibex.sim.MarketControl;
import io.ibex.sim.PacingMode;
import io.ibex.sim.PriceScript;
import io.ibex.sim.SessionState;
import io.ibex.sim.SimClock;
import io.ibex.sim.SimInstrument;
import io.ibex.sim.SimOrder;
import io.ibex.sim.Tick;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.math.BigDecimal;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A bracket through the live path over real HTTPS to the step-driven gateway simulator (pinned certificate, Feign
 * client, no retries, H2 file journal): one ticket, the entry fills, the take-profit fills and the venue cancels the
 * stop-loss; journal, venue and strategy agree on all three.
 */
class SimulatorBracketTest {
    static final String ACCT = "DU1234567";
    static final Instrument AAPL = Instrument.of("AAPL");
    static final Instant T0 = Instant.parse("2026-03-02T15:00:00Z");   // a Monday, inside RTH

    @TempDir Path dir;
    GatewaySimulator sim;
    MarketControl market;
    static final InstantSource CLOCK = InstantSource.fixed(T0);
    GatewayOrders orders;
    ManualClock gclock;
    OrderJournal journal;
    RiskGate risk;
    ExposureBook exposure;
    OrderRouter router;
    LiveContext ctx;
    LiveRunner runner;
    final List<String> seen = new ArrayList<>();

    @BeforeEach void start() {
        long t = T0.toEpochMilli();
        List<Tick> path = List.of(tick(t, 100), tick(t + 1_000, 101), tick(t + 2_000, 104), tick(t + 3_000, 97));
        sim = GatewaySimulator.builder().clock(SimClock.manual(T0)).stepDriven().pacing(PacingMode.OFF)
            .initialSession(SessionState.AUTHENTICATED).account(Account.paper(ACCT).cash("USD", 100_000))
            .instrument(SimInstrument.aapl().prices(PriceScript.ticks(path))).start();
        market = sim.market(265598L).stepTo(0);
        gclock = new ManualClock();
        GatewayTransport.Apis apis = GatewayTransport.build(URI.create(sim.rootUrl()), PinnedTls.fromTrustStore(sim.trustStore()),
            gclock, GatewayRateLimiter.ibkrDefaults(gclock), Duration.ofSeconds(5), Duration.ofSeconds(5));
        GatewayClient client = new GatewayClient(apis, gclock);
        AccountId account = client.resolveAccount(ACCT);
        client.snapshot(List.of(265598L), List.of(31));
        orders = new GatewayOrders(client, account, QuestionPolicy.allowList(QuestionPolicy.DEFAULT_ALLOWED));
        wire(OrderJournal.open(dir.resolve("journal"), "r1", CLOCK));
    }

    /** Journal, risk, router, context and runner over {@code j}: what a (re)started runner builds. */
    void wire(OrderJournal j) {
        journal = j;
        risk = new RiskGate(RiskLimits.defaults(), CLOCK, () -> false);
        exposure = new ExposureBook(journal);
        router = new OrderRouter(journal, risk, orders, exposure, CLOCK, d -> { }, OrderRouter.LookupPolicy.defaults(), false);
        StalenessGuard guard = new StalenessGuard(5_000, () -> 0L);
        guard.onQuote(new Quote(AAPL, 100, 0, Set.of(), 0L));
        ctx = new LiveContext(journal, router, exposure, guard, orders, new LiveContext.StrategyStamp("bracket-test", "1", "built-in"),
            new Sizing.FixedQuantity(BigDecimal.ONE), new BigDecimal("100000"));
        runner = new LiveRunner(journal, router, new Reconciler(journal, orders, router, exposure, risk), orders, ctx,
            new StrategyHost("bracket-test", new Recorder(seen)), List.of(AAPL), 60_000);
    }

    static Tick tick(long at, double price) { return new Tick(at, price, price, price, 100, 100, 100, 1_000); }

    @AfterEach void stop() {
        journal.close();
        sim.close();
    }

    @Test
    void theEntryFillsThenTheTakeProfitFillsAndTheVenueCancelsTheStopLoss() {
        BracketIds ids = ctx.bracket(AAPL, Side.BUY, 1, OrderType.MKT, Double.NaN, Double.NaN, 103, 98, TimeInForce.DAY);

        JournalIntent tp = journal.find(ids.takeProfit()).orElseThrow();
        JournalIntent sl = journal.find(ids.stopLoss()).orElseThrow();
        assertThat(tp.draft().parentId()).isEqualTo(ids.entry());
        assertThat(sl.draft().parentId()).isEqualTo(ids.entry());
        assertThat(tp.draft().ocaGroup()).isEqualTo(sl.draft().ocaGroup()).isEqualTo("bracket-" + ids.entry());
        assertThat(journal.intents()).allSatisfy(i -> assertThat(i.attempts()).isEqualTo(1));
        List<SimOrder> atVenue = sim.orders().all();
        assertThat(atVenue).hasSize(3);                                    // one ticket, three orders, nothing twice
        assertThat(atVenue.get(0).coid()).isEqualTo(ids.entry().value());
        assertThat(atVenue.subList(1, 3)).allSatisfy(o -> assertThat(o.coid()).isNull());   // children carry no cOID
        assertThat(atVenue.get(1).orderId()).isEqualTo(Long.parseLong(tp.brokerOrderId()));
        assertThat(atVenue.get(0).status()).isEqualTo("Filled");          // the market entry filled at 100 on acceptance

        market.step();                                                     // 101: nothing
        market.step();                                                     // 104: the take-profit fills, the stop is cancelled
        assertThat(sim.orders().get(Long.parseLong(sl.brokerOrderId())).status()).isEqualTo("Cancelled");
        runner.deliverFills();

        assertThat(journal.find(ids.entry()).orElseThrow().status()).isEqualTo(OrderStatus.FILLED);
        assertThat(journal.find(ids.takeProfit()).orElseThrow().status()).isEqualTo(OrderStatus.FILLED);
        assertThat(journal.find(ids.stopLoss()).orElseThrow().status()).isEqualTo(OrderStatus.CANCELLED);
        assertThat(journal.position("AAPL")).isEqualByComparingTo("0");
        assertThat(journal.fills()).extracting(f -> f.orderId().value() + " " + f.side() + " " + f.price().toPlainString())
            .containsExactlyInAnyOrder(ids.entry() + " BUY 100", ids.takeProfit() + " SELL 104");
        assertThat(seen).containsSubsequence("Filled " + ids.entry(), "Filled " + ids.takeProfit(), "Cancelled " + ids.stopLoss());

        market.step();                                                     // 97: the cancelled stop must not fill
        runner.deliverFills();
        assertThat(journal.fills()).hasSize(2);
        assertThat(ctx.isWorking(ids.stopLoss())).isFalse();
    }

    @Test
    void aRestartedRunnerKnowsTheChildrenByTheirBrokerIdsAndNeverTakesThemForForeignOrders() {
        BracketIds ids = ctx.bracket(AAPL, Side.BUY, 1, OrderType.MKT, Double.NaN, Double.NaN, 103, 98, TimeInForce.DAY);
        journal.close();                                                   // the runner stops; the venue keeps working

        wire(OrderJournal.open(dir.resolve("journal"), "r1", CLOCK));
        Reconciler.Report r = runner.start();
        assertThat(r.foreign()).isEmpty();
        assertThat(r.frozen()).isEmpty();                                  // the entry's fill is ours: positions agree
        assertThat(r.messages()).noneMatch(m -> m.contains("foreign"));
        assertThat(journal.find(ids.takeProfit()).orElseThrow().status()).isEqualTo(OrderStatus.WORKING);
        assertThat(journal.find(ids.stopLoss()).orElseThrow().draft().parentId()).isEqualTo(ids.entry());

        market.step();
        market.step();                                                     // 104: take-profit fills, stop-loss cancelled
        runner.deliverFills();                                             // the listing's 1-per-5 s pacing: owed, not skipped
        assertThat(journal.find(ids.takeProfit()).orElseThrow().status()).isEqualTo(OrderStatus.FILLED);
        gclock.advance(Duration.ofSeconds(5));
        runner.deliverFills();
        assertThat(journal.find(ids.stopLoss()).orElseThrow().status()).isEqualTo(OrderStatus.CANCELLED);
        assertThat(sim.orders().all()).hasSize(3);                         // nothing was sent again
    }

    @Test
    void ocoLegsGoOutAsOneSingleGroupTicketAndTheFillOfOneCancelsTheOther() {
        ClientOrderId up = ctx.submitOco("exit", AAPL, Side.BUY, 1, OrderType.LMT, 99, Double.NaN, TimeInForce.GTC);
        ClientOrderId down = ctx.submitOco("exit", AAPL, Side.BUY, 1, OrderType.STP, Double.NaN, 103, TimeInForce.GTC);
        assertThat(sim.orders().all()).isEmpty();                          // collected while the strategy decides
        ctx.drainEvents();                                                 // the runner drains after onBar: one ticket
        assertThat(sim.orders().all()).hasSize(2).allSatisfy(o -> assertThat(o.coid()).isNotNull());
        assertThat(journal.find(up).orElseThrow().draft().ocaGroup()).isEqualTo("exit");

        market.step();
        market.step();                                                     // 104: the buy stop fills, the buy limit is cancelled
        runner.deliverFills();
        assertThat(journal.find(down).orElseThrow().status()).isEqualTo(OrderStatus.FILLED);
        assertThat(journal.find(up).orElseThrow().status()).isEqualTo(OrderStatus.CANCELLED);
        market.step();                                                     // 97 would have filled the limit
        runner.deliverFills();
        assertThat(journal.fills()).hasSize(1);
    }

    @Test
    void aModifiedTakeProfitWorksAtItsNewPriceAtTheVenueAndInTheJournal() {
        BracketIds ids = ctx.bracket(AAPL, Side.BUY, 1, OrderType.MKT, Double.NaN, Double.NaN, 103, 98, TimeInForce.DAY);
        assertThat(ctx.modify(ids.takeProfit(), Double.NaN, 105, Double.NaN)).isTrue();
        assertThat(journal.find(ids.takeProfit()).orElseThrow().draft().limitPrice()).isEqualByComparingTo("105");
        market.step();
        market.step();                                                     // 104 no longer reaches the take-profit
        runner.deliverFills();
        assertThat(journal.find(ids.takeProfit()).orElseThrow().status()).isEqualTo(OrderStatus.WORKING);
        assertThat(ctx.modify(new ClientOrderId("never-issued"), 1, 105, Double.NaN)).isFalse();
    }

    @Test
    void aBracketOf600SharesPassesAMaxPositionOf1000SinceOnlyOneExitCanFillAndASecondOneIsDeniedWhole() {
        BracketIds ok = ctx.bracket(AAPL, Side.BUY, 600, OrderType.LMT, 99, Double.NaN, 103, 98, TimeInForce.DAY);
        assertThat(journal.find(ok.stopLoss()).orElseThrow().status()).isEqualTo(OrderStatus.WORKING);

        BracketIds denied = ctx.bracket(AAPL, Side.BUY, 500, OrderType.LMT, 99, Double.NaN, 103, 98, TimeInForce.DAY);
        assertThat(sim.orders().all()).hasSize(3);                         // nothing of the second bracket was sent
        assertThat(denied.entry().value()).startsWith("denied-");
        assertThat(ctx.orderLog()).filteredOn(row -> row.event().equals("rejected")).hasSize(3)
            .allSatisfy(row -> assertThat(row.note()).startsWith("MAX_POSITION").contains("1100"));

        ctx.cancel(ok.entry());                                            // cancelling the entry cancels its exits at the venue
        sim.clock().advance(Duration.ofSeconds(1));                        // the simulator's cancel delay
        gclock.advance(Duration.ofSeconds(5));
        runner.deliverFills();
        assertThat(journal.openIntents()).isEmpty();
        assertThat(seen).containsSubsequence("Cancelled " + ok.entry(), "Cancelled " + ok.takeProfit(), "Cancelled " + ok.stopLoss());
    }

    @Test
    void anOcoLegCancelledBeforeItsGroupIsSentIsNeverSent() {
        ClientOrderId a = ctx.submitOco("g", AAPL, Side.BUY, 1, OrderType.LMT, 99, Double.NaN, TimeInForce.GTC);
        ClientOrderId b = ctx.submitOco("g", AAPL, Side.BUY, 1, OrderType.LMT, 98, Double.NaN, TimeInForce.GTC);
        ctx.cancel(a);
        ctx.drainEvents();
        assertThat(sim.orders().all()).singleElement().satisfies(o -> assertThat(o.coid()).isEqualTo(b.value()));
        assertThat(journal.find(a).orElseThrow().status()).isEqualTo(OrderStatus.CANCELLED);
        assertThat(journal.find(a).orElseThrow().attempts()).isZero();
    }

    @Test
    void aBracketPostAnsweredAmbiguouslyIsNeverSentAgainTheParentIsFoundByItsCoidAndTheChildrenStayUnknown() {
        sim.orders().acceptThenTimeout(1, Duration.ofMillis(50));
        BracketIds ids = ctx.bracket(AAPL, Side.BUY, 1, OrderType.MKT, Double.NaN, Double.NaN, 103, 98, TimeInForce.DAY);
        assertThat(journal.intents()).extracting(JournalIntent::status).containsOnly(OrderStatus.UNKNOWN);

        Reconciler.Report r = runner.start();
        assertThat(journal.find(ids.entry()).orElseThrow().status()).isEqualTo(OrderStatus.FILLED);
        assertThat(journal.find(ids.takeProfit()).orElseThrow().status()).isEqualTo(OrderStatus.UNKNOWN);
        assertThat(journal.find(ids.stopLoss()).orElseThrow().status()).isEqualTo(OrderStatus.UNKNOWN);
        assertThat(r.messages()).anyMatch(m -> m.contains(ids.takeProfit().value()) && m.endsWith("UNKNOWN"));
        assertThat(sim.orders().all()).hasSize(3);                         // one POST, whatever the answer
        assertThat(journal.intents()).allSatisfy(i -> assertThat(i.attempts()).isEqualTo(1));
    }

    /** Records the events the strategy receives. */
    record Recorder(List<String> seen) implements Strategy {
        @Override public void onBar(BarWindow closed, StrategyContext c) { }

        @Override public void onOrderEvent(OrderEvent e, StrategyContext c) {
            seen.add(e.getClass().getSimpleName() + " " + e.orderId());
        }
    }
}
