package io.ibex.live.runner;

import io.ibex.framework.domain.Instrument;
import io.ibex.framework.strategy.Strategy;
import io.ibex.gateway.AccountId;
import io.ibex.gateway.GatewayClient;
import io.ibex.gateway.GatewayClock;
import io.ibex.gateway.GatewayRateLimiter;
import io.ibex.gateway.GatewayTransport;
import io.ibex.gateway.PinnedTls;
import io.ibex.gateway.QuestionPolicy;
import io.ibex.live.journal.OrderJournal;
import io.ibex.live.market.BarBuilder;
import io.ibex.live.market.GatewaySnapshots;
import io.ibex.live.market.SnapshotPoller;
import io.ibex.live.market.StalenessGuard;
import io.ibex.live.risk.RiskGate;
import io.ibex.live.risk.RiskLimits;
import io.ibex.session.AlertSink;
import io.ibex.sim.Account;
import io.ibex.sim.GatewaySimulator;
import io.ibex.sim.PacingMode;
import io.ibex.sim.SessionState;
import io.ibex.sim.SimClock;
import io.ibex.sim.SimInstrument;

import java.math.BigDecimal;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * The production live loop (session gate, reconciliation, fills, poller, bar builder, runner, router, journal) against the
 * in-process simulator over pinned HTTPS, everything on ONE virtual time: the simulator's manual clock is the runner's
 * wall clock and the gateway client's clock, and a pacing wait of the client advances it, as a real wait would let real
 * time pass. So a loop that blocks on a slow endpoint's pacing shows up as old quotes, exactly as in production.
 */
final class LoopFixture implements AutoCloseable {
    static final String ACCT = "DU1234567";
    static final Instant MARKET_OPEN = Instant.parse("2026-03-02T14:30:00Z");   // Monday 09:30 New York

    /** The gateway client's clock: the simulator's; sleeping moves it (1 ms past the deadline, as a real sleep overshoots). */
    static final class SimGatewayClock implements GatewayClock {
        private final SimClock sim;

        SimGatewayClock(SimClock sim) { this.sim = sim; }

        @Override public long nanoTime() { return sim.millis() * 1_000_000L; }
        @Override public Instant now() { return sim.instant(); }
        @Override public void sleep(Duration d) { if (!d.isNegative()) sim.advance(Duration.ofMillis(d.toMillis() + 1)); }
    }

    final GatewaySimulator sim;
    final SimClock time;
    final OrderJournal journal;
    final RiskGate risk;
    final LiveContext ctx;
    final LiveRunner runner;
    final SessionGate gate;
    final LiveLoop loop;
    final List<Instrument> instruments = new ArrayList<>();
    final List<String> alerts = new CopyOnWriteArrayList<>();
    final List<String> notices = new CopyOnWriteArrayList<>();

    LoopFixture(Path dir, PacingMode pacing, List<SimInstrument> listed, java.util.function.Supplier<Strategy> strategies) {
        time = SimClock.manual(MARKET_OPEN);
        var b = GatewaySimulator.builder().clock(time).pacing(pacing).pacingClock(() -> time.millis() * 1_000_000L)
            .initialSession(SessionState.AUTHENTICATED)
            .account(Account.paper(ACCT).cash("USD", 10_000_000));
        for (SimInstrument i : listed) {
            b.instrument(i);
            instruments.add(Instrument.of(i.symbol()));
        }
        sim = b.start();
        SimGatewayClock gclock = new SimGatewayClock(time);
        GatewayTransport.Apis apis = GatewayTransport.build(URI.create(sim.rootUrl()), PinnedTls.fromTrustStore(sim.trustStore()),
            gclock, GatewayRateLimiter.ibkrDefaults(gclock), Duration.ofSeconds(5), Duration.ofSeconds(5));
        GatewayClient client = new GatewayClient(apis, gclock);
        AccountId account = client.resolveAccount(ACCT);
        journal = OrderJournal.open(dir.resolve("journal"), "r1", time);
        risk = new RiskGate(RiskLimits.defaults(), time, () -> false);
        GatewayOrders orders = new GatewayOrders(client, account, QuestionPolicy.allowList(QuestionPolicy.DEFAULT_ALLOWED));
        ExposureBook exposure = new ExposureBook(journal);
        OrderRouter router = new OrderRouter(journal, risk, orders, exposure, time, gclock::sleep,
            OrderRouter.LookupPolicy.defaults(), false);
        StalenessGuard guard = new StalenessGuard(RiskLimits.defaults().maxSnapshotAgeMillis(), gclock::nanoTime);
        ctx = new LiveContext(journal, router, exposure, guard, orders, new LiveContext.StrategyStamp("t", "1", "built-in"),
            new io.ibex.framework.strategy.Sizing.FixedQuantity(BigDecimal.ONE), new BigDecimal("100000"));
        runner = new LiveRunner(journal, router, new Reconciler(journal, orders, router, exposure, risk), orders, ctx,
            hosts(instruments, strategies), 60_000);
        runner.start();
        GatewaySnapshots snapshots = new GatewaySnapshots(client, gclock::nanoTime);
        snapshots.prime(instruments);
        gate = new SessionGate(risk, () -> { });
        loop = new LiveLoop(runner, gate, risk, new SnapshotPoller(instruments, 100, 6, snapshots, gclock::nanoTime),
            new BarBuilder(60_000, runner), guard, time, new AlertSink() {
                @Override public void alert(String message) { alerts.add(message); }
                @Override public void notice(String message) { notices.add(message); }
            });
    }

    /** The loop as production runs it: a pass, then 500 ms. Returns the passes that did not poll. */
    int run(Duration d) {
        int idle = 0;
        Instant end = time.instant().plus(d);
        while (time.instant().isBefore(end)) {
            if (!loop.step()) idle++;
            time.advance(Duration.ofMillis(500));
        }
        return idle;
    }

    /** Orders the risk gate refused, with the reason text. */
    List<String> denials() {
        return ctx.orderLog().stream().filter(r -> r.event().equals("rejected")).map(OrderLogRow::note).toList();
    }

    @Override public void close() {
        journal.close();
        sim.close();
    }

    /** One strategy instance per instrument, as ibex live runs them. */
    private static java.util.Map<Instrument, StrategyHost> hosts(List<Instrument> instruments, java.util.function.Supplier<Strategy> strategies) {
        java.util.Map<Instrument, StrategyHost> hosts = new java.util.LinkedHashMap<>();
        for (Instrument in : instruments) hosts.put(in, new StrategyHost("t", strategies.get()));
        return hosts;
    }
}
