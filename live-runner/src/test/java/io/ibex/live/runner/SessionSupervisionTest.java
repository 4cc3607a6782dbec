package io.ibex.live.runner;

import io.ibex.session.SimTime;
import io.ibex.framework.domain.ClientOrderId;
import io.ibex.framework.domain.Instrument;
import io.ibex.framework.domain.Side;
import io.ibex.framework.domain.TimeInForce;
import io.ibex.framework.event.OrderEvent;
import io.ibex.framework.event.OrderStatus;
import io.ibex.framework.strategy.BarWindow;
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
import io.ibex.live.market.BarBuilder;
import io.ibex.live.market.GatewaySnapshots;
import io.ibex.live.market.SnapshotPoller;
import io.ibex.live.market.StalenessGuard;
import io.ibex.live.risk.RiskGate;
import io.ibex.live.risk.RiskLimits;
import io.ibex.session.AlertSink;
import io.ibex.session.Authenticator;
import io.ibex.session.ClientSessionEndpoints;
import io.ibex.session.KeeperConfig;
import io.ibex.session.LoginResult;
import io.ibex.session.SessionKeeper;
import io.ibex.session.SessionState;
import io.ibex.sim.Account;
import io.ibex.sim.ExpiryReason;
import io.ibex.sim.GatewaySimulator;
import io.ibex.sim.JournalEntry;
import io.ibex.sim.PacingMode;
import io.ibex.sim.Route;
import io.ibex.sim.SimClock;
import io.ibex.sim.SimInstrument;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.math.BigDecimal;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The live loop with its {@link SessionKeeper} against the real gateway simulator over pinned HTTPS, keeper and simulator
 * on one manual clock: a session lost mid-run pauses polling and orders, the keeper re-authenticates, accounts comes
 * first, the runner reconciles once (a fill that happened while down is applied exactly once), then trading resumes.
 */
class SessionSupervisionTest {
    static final String ACCT = "DU1234567";
    static final Instrument AAPL = Instrument.of("AAPL");
    static final Instant MARKET_OPEN = Instant.parse("2026-03-02T14:30:00Z");   // Monday 09:30 New York
    static final Route ORDER_POST = Route.post("/iserver/account/*/orders");
    static final Route ACCOUNTS = Route.get("/iserver/accounts");
    static final Route TRADES = Route.get("/iserver/account/trades");
    static final Route SNAPSHOT = Route.get("/iserver/marketdata/snapshot");

    @TempDir Path dir;
    GatewaySimulator sim;
    SimTime time;
    ManualClock gclock;
    OrderJournal journal;
    SessionKeeper keeper;
    SessionGate gate;
    LiveLoop loop;
    final Trader trader = new Trader();
    final AtomicBoolean phoneApproves = new AtomicBoolean();
    final AtomicInteger logins = new AtomicInteger();
    final List<String> alerts = new CopyOnWriteArrayList<>();

    /** Places a resting limit buy on its first bar, and a market buy on the first bar after {@link #buyNext} is set. */
    static final class Trader implements Strategy {
        final List<Long> bars = new ArrayList<>();
        final List<OrderEvent> events = new ArrayList<>();
        volatile boolean buyNext;
        ClientOrderId marketOrder;

        @Override public void onBar(BarWindow w, StrategyContext c) {
            bars.add(w.time(0));
            if (bars.size() == 1) c.limit(w.instrument(), Side.BUY, 1, 96, TimeInForce.DAY);
            if (buyNext) {
                buyNext = false;
                marketOrder = c.buy(w.instrument(), 1);
            }
        }

        @Override public void onOrderEvent(OrderEvent e, StrategyContext c) { events.add(e); }
    }

    @AfterEach void close() {
        if (keeper != null) keeper.stop();
        if (journal != null) journal.close();
        if (sim != null) sim.close();
    }

    Authenticator simLogin() {
        return () -> {
            if (!phoneApproves.get()) return new LoginResult.Failed("the IB Key push was not approved");
            logins.incrementAndGet();
            sim.session().login(false);
            return new LoginResult.Succeeded();
        };
    }

    void start() {
        sim = GatewaySimulator.builder().clock(SimClock.manual(MARKET_OPEN)).pacing(PacingMode.OFF)
            .initialSession(io.ibex.sim.SessionState.AUTHENTICATED).account(Account.paper(ACCT).cash("USD", 100_000))
            .instrument(SimInstrument.aapl()).start();
        time = new SimTime(sim.clock());
        gclock = new ManualClock();
        GatewayTransport.Apis apis = GatewayTransport.build(URI.create(sim.rootUrl()), PinnedTls.fromTrustStore(sim.trustStore()),
            gclock, GatewayRateLimiter.ibkrDefaults(gclock), Duration.ofSeconds(5), Duration.ofSeconds(5));
        GatewayClient client = new GatewayClient(apis, gclock);
        AccountId account = client.resolveAccount(ACCT);
        journal = OrderJournal.open(dir.resolve("journal"), "r1", time);
        RiskGate risk = new RiskGate(RiskLimits.defaults(), time, () -> false);
        GatewayOrders orders = new GatewayOrders(client, account, QuestionPolicy.allowList(QuestionPolicy.DEFAULT_ALLOWED));
        ExposureBook exposure = new ExposureBook(journal);
        OrderRouter router = new OrderRouter(journal, risk, orders, exposure, time, d -> { },
            OrderRouter.LookupPolicy.defaults(), false);
        StalenessGuard guard = new StalenessGuard(RiskLimits.defaults().maxSnapshotAgeMillis(), gclock::nanoTime);
        LiveContext ctx = new LiveContext(journal, router, exposure, guard, orders,
            new LiveContext.StrategyStamp("trader", "1", "built-in"), new io.ibex.framework.strategy.Sizing.FixedQuantity(BigDecimal.ONE), BigDecimal.ZERO);
        LiveRunner runner = new LiveRunner(journal, router, new Reconciler(journal, orders, router, exposure, risk), orders, ctx,
            new StrategyHost("trader", trader), List.of(AAPL), 60_000);
        runner.start();
        GatewaySnapshots snapshots = new GatewaySnapshots(client, gclock::nanoTime);
        keeper = new SessionKeeper(new ClientSessionEndpoints(client), simLogin(), time, time, KeeperConfig.defaults(),
            new AlertSink() {
                @Override public void alert(String message) { alerts.add(message); }
                @Override public void notice(String message) { }
            });
        gate = SessionGate.attach(keeper, risk, orders, () -> snapshots.prime(List.of(AAPL)));
        loop = new LiveLoop(runner, gate, risk, new SnapshotPoller(List.of(AAPL), 100, 6, snapshots, gclock::nanoTime),
            new BarBuilder(60_000, runner), guard, time, new AlertSink() {
                @Override public void alert(String message) { alerts.add(message); }
                @Override public void notice(String message) { }
            });
        keeper.start();
    }

    /** The live loop every 5 s of virtual time; the keeper's tickles run in between. */
    void run(Duration d) {
        for (long s = 0; s < d.toSeconds(); s += 5) {
            time.advance(Duration.ofSeconds(5));
            gclock.advance(Duration.ofSeconds(5));
            loop.step();
        }
    }

    long lastSeq() {
        List<JournalEntry> all = sim.journal().entries();
        return all.isEmpty() ? 0 : all.get(all.size() - 1).seq();
    }

    List<JournalEntry> since(long seq, Route route) {
        return sim.journal().since(seq).stream().filter(e -> route.matches(e.method(), e.path())).toList();
    }

    JournalIntent restingLimit() {
        run(Duration.ofSeconds(90));                                   // the 14:30 bar closes at 14:31: limit buy at 96 (the price stays 100)
        assertThat(journal.intents()).hasSize(1);
        JournalIntent lmt = journal.intents().get(0);
        assertThat(lmt.status()).isEqualTo(OrderStatus.WORKING);
        assertThat(lmt.brokerOrderId()).isNotBlank();
        return lmt;
    }

    @Test
    void anExpiredSessionPausesTradingUntilTheLoginThenReconcilesOnceAndAppliesTheFillWhileDownExactlyOnce() {
        start();
        JournalIntent lmt = restingLimit();
        long expiredAt = lastSeq();
        sim.session().expire(ExpiryReason.MANUAL);                     // 401 from here on
        int barsBefore = trader.bars.size();
        run(Duration.ofMinutes(2));
        assertThat(keeper.state()).isNotEqualTo(SessionState.AUTHENTICATED);
        assertThat(gate.open()).isFalse();
        sim.backend().fillWhileDown(Long.parseLong(lmt.brokerOrderId()), 1);
        run(Duration.ofMinutes(1));
        assertThat(trader.bars).hasSize(barsBefore);                  // no bar reached the strategy while down
        assertThat(since(expiredAt, ORDER_POST)).isEmpty();
        assertThat(since(expiredAt, SNAPSHOT)).hasSize(1);            // the poll that saw the 401; then polling paused

        phoneApproves.set(true);
        run(Duration.ofMinutes(1));
        assertThat(keeper.state()).isEqualTo(SessionState.AUTHENTICATED);
        trader.buyNext = true;                                         // the bar built before the outage is stale: wait
        run(Duration.ofMinutes(2));
        assertThat(logins).hasValue(1);
        assertThat(gate.reconciliations()).isEqualTo(1);
        long accounts = since(expiredAt, ACCOUNTS).get(0).seq();
        List<JournalEntry> posts = since(expiredAt, ORDER_POST);
        assertThat(posts).hasSize(1);
        assertThat(accounts).isLessThan(posts.get(0).seq());
        // after accounts: re-primed snapshots (keeper hook), then ONE reconciliation (trades, live orders, positions)
        // before the next poll, whose bar syncs fills again and finally reaches the strategy
        List<String> calls = sim.journal().since(accounts).stream()
            .filter(e -> !SNAPSHOT.matches(e.method(), e.path()) && !e.path().equals("/tickle"))
            .map(e -> e.method() + " " + e.path()).toList();
        assertThat(calls).startsWith("GET /iserver/account/trades", "GET /iserver/account/orders",
            "GET /portfolio/" + ACCT + "/positions/0", "GET /iserver/account/trades");
        assertThat(calls).filteredOn(c -> c.contains("/positions/")).hasSize(1);
        assertThat(sim.journal().since(accounts).get(0).path()).isEqualTo("/iserver/marketdata/snapshot");

        assertThat(journal.find(lmt.id()).orElseThrow().status()).isEqualTo(OrderStatus.FILLED);
        assertThat(journal.fills()).filteredOn(f -> f.orderId().equals(lmt.id())).hasSize(1);
        assertThat(trader.events).filteredOn(e -> e instanceof OrderEvent.Filled f && f.orderId().equals(lmt.id())).hasSize(1);
        assertThat(journal.position("AAPL")).isEqualByComparingTo("2");
        assertThat(trader.marketOrder).isNotNull();
        assertThat(sim.orders().withCoid(trader.marketOrder.value())).hasSize(1);
        assertThat(journal.find(trader.marketOrder).orElseThrow().status()).isEqualTo(OrderStatus.FILLED);
        assertThat(trader.bars.size()).isGreaterThan(barsBefore);
    }

    @Test
    void aLapsedBrokerageSessionIsReopenedBySsodhInitWithoutALoginAndTradingResumesAfterReconciliation() {
        start();
        restingLimit();
        long downAt = lastSeq();
        sim.session().brokerageTimeout();                             // /iserver/* answers 400 "no bridge"
        trader.buyNext = true;
        run(Duration.ofMinutes(3));
        assertThat(keeper.state()).isEqualTo(SessionState.AUTHENTICATED);
        assertThat(logins).hasValue(0);
        assertThat(gate.reconciliations()).isEqualTo(1);
        List<JournalEntry> inits = since(downAt, Route.post("/iserver/auth/ssodh/init"));
        assertThat(inits).hasSize(1);
        long accounts = since(inits.get(0).seq(), ACCOUNTS).get(0).seq();
        List<JournalEntry> posts = since(downAt, ORDER_POST);
        assertThat(posts).hasSize(1);
        assertThat(posts.get(0).seq()).isGreaterThan(accounts);
        assertThat(journal.find(trader.marketOrder).orElseThrow().status()).isEqualTo(OrderStatus.FILLED);
    }

    @Test
    void withoutALoginTheKeeperStopsAtTheLadderAndAlertsWhileTheRunnerStaysPaused() {
        start();
        restingLimit();
        long expiredAt = lastSeq();
        sim.session().expire(ExpiryReason.MANUAL);
        trader.buyNext = true;
        run(Duration.ofMinutes(10));
        assertThat(gate.open()).isFalse();
        assertThat(alerts).hasSize(1).allSatisfy(a -> assertThat(a).contains("not approved"));
        assertThat(since(expiredAt, ORDER_POST)).isEmpty();
        assertThat(trader.marketOrder).isNull();
    }
}
