package io.ibex.cli.live;

import io.ibex.data.BarSizes;
import io.ibex.framework.env.IbexHome;
import io.ibex.framework.domain.Instrument;
import io.ibex.framework.error.ConfigException;
import io.ibex.framework.event.OrderStatus;
import io.ibex.framework.strategy.Params;
import io.ibex.framework.strategy.StrategyFactory;
import io.ibex.framework.strategy.StrategyRegistry;
import io.ibex.session.alert.AlertEvent;
import io.ibex.session.alert.Alerter;
import io.ibex.session.alert.SessionDownWatch;
import io.ibex.live.dashboard.DashboardServer;
import io.ibex.live.dashboard.LiveFeed;
import io.ibex.gateway.AccountId;
import io.ibex.gateway.GatewayClient;
import io.ibex.gateway.GatewayClock;
import io.ibex.gateway.GatewayRateLimiter;
import io.ibex.gateway.GatewayTransport;
import io.ibex.gateway.GatewayUrlPolicy;
import io.ibex.gateway.PinnedTls;
import io.ibex.gateway.QuestionPolicy;
import io.ibex.gateway.QuestionSuppression;
import io.ibex.live.journal.JournalFiles;
import io.ibex.live.journal.JournalIntent;
import io.ibex.live.journal.JournalLock;
import io.ibex.live.journal.OrderJournal;
import io.ibex.live.market.BarBuilder;
import io.ibex.live.market.GatewaySnapshots;
import io.ibex.live.market.SnapshotPoller;
import io.ibex.live.market.StalenessGuard;
import io.ibex.live.market.StreamingQuotes;
import io.ibex.gateway.stream.GatewayStream;
import io.ibex.gateway.stream.StreamConfig;
import io.ibex.live.risk.KillSwitch;
import io.ibex.live.risk.RiskGate;
import io.ibex.live.risk.RiskLimits;
import io.ibex.live.runner.ExposureBook;
import io.ibex.live.runner.GatewayOrders;
import io.ibex.live.runner.LiveContext;
import io.ibex.live.runner.LiveLoop;
import io.ibex.live.runner.SessionGate;
import io.ibex.session.AlertSink;
import io.ibex.session.ClientSessionEndpoints;
import io.ibex.session.ExecutorScheduler;
import io.ibex.session.KeeperConfig;
import io.ibex.session.SessionKeeper;
import io.ibex.live.runner.LiveRunner;
import io.ibex.live.runner.OrderRouter;
import io.ibex.live.runner.Pauser;
import io.ibex.live.runner.Reconciler;
import io.ibex.live.runner.StrategyHost;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import javax.net.ssl.SSLContext;
import java.io.PrintWriter;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.time.InstantSource;
import java.util.LinkedHashMap;
import java.util.List;

/**
 * The live loop: journal (and its lock) first, before any network call; then the account guard (P5); reconciliation
 * before the strategy sees a bar (P9); then poll snapshots, build bars, trade; a status line every 10 s; the kill
 * switch is checked every loop and persists HALTED in the journal. A {@link SessionKeeper} tickles and recovers the
 * session; while it is not AUTHENTICATED the {@link SessionGate} pauses polling and orders, and after re-authentication
 * the runner reconciles before the strategy sees the next bar. A failed poll marks the runner disconnected (risk
 * denies orders) and the next good poll reconciles before trading resumes.
 */
final class LiveSession {
    private static final Logger log = LoggerFactory.getLogger(LiveSession.class);
    static final String HALTED_KEY = "halted";

    private LiveSession() {}

    static int run(LiveCommand c, PrintWriter w) {
        Path runDir = c.out != null ? c.out : IbexHome.dir().resolve("live").resolve(c.strategy);
        Path journalPath = c.journal != null ? c.journal : runDir.resolve("journal");
        Duration barSize = BarSizes.parse(c.bar == null ? "1m" : c.bar);
        // every check that needs no journal runs before the journal exists: a refused start leaves no files (issue 16)
        KillSwitch haltFile = new KillSwitch(runDir, () -> false);
        if (haltFile.getAsBoolean()) throw halted(runDir, haltFile);
        JournalLock.checkNotHeld(journalPath);
        if ("sim".equalsIgnoreCase(c.gateway.trim()))
            throw new ConfigException("--gateway sim needs --sim-data SRC (a recorded bar file to replay)");
        URI root = GatewayUrlPolicy.checkLoopbackOnly(c.gateway);
        Path cert = c.gatewayCert != null ? c.gatewayCert : IbexHome.dir().resolve("gateway.pem");
        SSLContext tls = PinnedTls.fromPem(cert);
        try (StrategyRegistry registry = StrategyRegistry.load(c.plugins)) {
            StrategyFactory factory = registry.find(c.strategy);
            Params params = Params.resolve(factory.name(), factory.params(), new LinkedHashMap<>(c.params));
            JournalFiles created = JournalFiles.before(journalPath);
            boolean[] trading = {false};
            try {
                return trade(c, w, new Setup(runDir, journalPath, barSize, root, tls, registry, factory, params), trading);
            } catch (RuntimeException e) {
                if (!trading[0]) created.removeCreated();
                throw e;
            }
        }
    }

    private static ConfigException halted(Path runDir, KillSwitch kill) {
        return new ConfigException("run " + runDir + " is HALTED (" + kill.file() + " or a halt persisted in the journal);"
            + " review it, delete the HALT file and start with a new --journal to resume");
    }

    /** What {@link #run} checked before the journal was opened. */
    private record Setup(Path runDir, Path journalPath, Duration barSize, URI root, SSLContext tls, StrategyRegistry registry,
                         StrategyFactory factory, Params params) {}

    /** @param trading set once the loop starts: from then on the journal is the record of the run and is kept */
    private static int trade(LiveCommand c, PrintWriter w, Setup s, boolean[] trading) {
        InstantSource wall = InstantSource.system();
        GatewayClock gclock = GatewayClock.SYSTEM;
        Path runDir = s.runDir();
        Path journalPath = s.journalPath();
        Duration barSize = s.barSize();
        List<Instrument> instruments = c.instruments();
        StrategyFactory factory = s.factory();
        try (OrderJournal journal = OrderJournal.open(journalPath, "ibex", wall)) {
            String origin = s.registry().origin(factory.name());
            String sha = StrategyRegistry.BUILT_IN.equals(origin) ? StrategyRegistry.BUILT_IN : s.registry().pluginHashes().get(origin);
            KillSwitch kill = new KillSwitch(runDir, () -> journal.state(HALTED_KEY).isPresent());
            if (kill.getAsBoolean()) throw halted(runDir, kill);
            GatewayRateLimiter limiter = GatewayRateLimiter.ibkrDefaults(gclock);
            javax.net.ssl.SSLContext tls = s.tls();
            URI root = s.root();
            GatewayTransport.Apis apis = GatewayTransport.build(root, tls, gclock, limiter, Duration.ofSeconds(5),
                Duration.ofSeconds(20));
            GatewayClient client = new GatewayClient(apis, gclock);
            AccountId account = client.resolveAccount(c.account);
            boolean liveOk = c.mode != null && c.mode.live;
            if (!account.value().startsWith("DU") && !liveOk)
                throw new AccountGuardException("the gateway serves " + AccountId.mask(account.value()) + ", which is not a paper"
                    + " (DU...) account; refusing to trade it without --live-i-understand");
            RiskGate risk = new RiskGate(RiskLimits.defaults(), wall, kill);
            GatewayOrders orders = new GatewayOrders(client, account, QuestionPolicy.allowList(QuestionPolicy.DEFAULT_ALLOWED));
            ExposureBook exposure = new ExposureBook(journal);
            OrderRouter router = new OrderRouter(journal, risk, orders, exposure, wall, Pauser.sleeping(),
                OrderRouter.LookupPolicy.defaults(), c.shadow);
            StalenessGuard guard = new StalenessGuard(RiskLimits.defaults().maxSnapshotAgeMillis(), gclock::nanoTime);
            LiveContext ctx = new LiveContext(journal, router, exposure, guard, orders,
                new LiveContext.StrategyStamp(factory.name(), factory.version(), sha), c.sizing(), c.cash);
            java.util.Map<Instrument, StrategyHost> hosts = new java.util.LinkedHashMap<>();
            for (Instrument in : instruments) hosts.put(in, new StrategyHost(factory.name(), factory.create(s.params())));
            LiveRunner runner = new LiveRunner(journal, router, new Reconciler(journal, orders, router, exposure, risk), orders, ctx,
                hosts, barSize.toMillis());
            Reconciler.Report report = runner.start();
            if (c.warmUp) {
                String[] hb = historyBar(barSize);
                for (Instrument in : instruments)
                    w.println("warm-up " + in + ": " + runner.warmUp(client.history(client.resolveConid(in.symbol()), in, hb[0], hb[1]))
                        + " orders dropped on history");
            }
            w.println("reconciled: " + report.newFills() + " new fills, " + report.resolved() + " intents resolved, "
                + report.foreign().size() + " foreign orders, frozen " + report.frozen());
            report.messages().forEach(m -> w.println("  " + m));
            w.flush();
            BarBuilder builder = new BarBuilder(barSize.toMillis(), runner);
            GatewaySnapshots snapshots = new GatewaySnapshots(client, gclock::nanoTime);
            SnapshotPoller poller = new SnapshotPoller(instruments, 100, 6, snapshots, gclock::nanoTime);
            StreamingQuotes feed = c.noStream ? null : new StreamingQuotes(conids(client, instruments), poller, gclock::nanoTime);
            GatewayStream stream = feed == null ? null
                : new GatewayStream(root, tls, client::sessionId, wall, StreamConfig.defaults(), feed);
            if (feed != null) feed.connect(stream);
            Alerter alerts = c.alertOptions.build(AlertSink.console(w, c.spec.commandLine().getErr()), "live " + runDir.getFileName(),
                System.getenv(), IbexHome.dir(), null, account.value());
            alerts.account(account.value());
            router.alertTo(alerts);
            for (Instrument in : report.frozen())
                alerts.raise(AlertEvent.INSTRUMENT_FROZEN, in.symbol(), in.symbol() + " frozen by reconciliation (position"
                    + " mismatch with the broker): cancel-only until you check it");
            DashboardServer ui = c.ui == null ? null
                : DashboardServer.start(c.ui, c.uiAllowRemote, () -> KillSwitch.engage(runDir, "halted from the dashboard"));
            if (ui != null) {
                w.println("dashboard  " + ui.url());
                w.flush();
            }
            LiveFeed board = new LiveFeed(new LiveFeed.Sources("live " + runDir.getFileName(), factory.name(),
                AccountId.mask(account.value()), "USD", instruments, journal, exposure, guard, risk, runner::failed, kill, ctx::cash,
                ctx::equity, alerts));
            try (alerts; ui; ExecutorScheduler scheduler = new ExecutorScheduler();
                 LiveAuthenticator login = LiveAuthenticator.of(c, root, alerts)) {
                SessionKeeper keeper = new SessionKeeper(new ClientSessionEndpoints(client), login, wall, scheduler,
                    KeeperConfig.defaults(), alerts);
                keeper.addListener(new SessionDownWatch(scheduler, c.alertOptions.sessionDownAfter(), alerts));
                keeper.addListener(board);
                QuestionSuppression suppression = new QuestionSuppression(client, QuestionPolicy.DEFAULT_ALLOWED);
                SessionGate gate = SessionGate.attach(keeper, risk, orders, () -> {
                    suppression.run();   // the gateway forgets it with every brokerage session
                    snapshots.prime(instruments);
                    if (stream != null) stream.resubscribeAll();
                });
                LiveLoop loop = new LiveLoop(runner, gate, risk, feed == null ? poller : feed, builder, guard, wall, alerts);
                trading[0] = true;
                keeper.start();
                long lastStatus = 0;
                long lastPublish = 0;
                while (!Thread.currentThread().isInterrupted()) {
                    if (kill.getAsBoolean()) {
                        keeper.stop();
                        journal.putState(HALTED_KEY, "kill switch at " + wall.instant());
                        cancelWorking(journal, orders);
                        alerts.raise(AlertEvent.KILL_SWITCH, "", "kill switch engaged: " + runDir + " halted, working orders"
                            + " cancel requested; delete the HALT file and start with a new --journal to resume");
                        if (ui != null) ui.publish(board.snapshot(wall.instant(), false));
                        w.println("HALTED: kill switch engaged; working orders cancel requested; state persisted in " + journalPath);
                        w.flush();
                        return 0;
                    }
                    if (feed != null && feed.takeFillsDue() && loop.connected()) deliverFillsNow(runner);
                    loop.step();
                    if (runner.failed()) {
                        keeper.stop();
                        alerts.raise(AlertEvent.STRATEGY_FAILED, factory.name(), "strategy " + factory.name() + " FAILED ("
                            + runner.failure() + "); its working orders were cancelled and ibex live stopped");
                        w.println("stopped: the strategy FAILED; its working orders were cancelled");
                        w.flush();
                        return c.strategyFailed(runner.failure());
                    }
                    if (ui != null && wall.millis() - lastPublish >= 2_000) {
                        lastPublish = wall.millis();
                        ui.publish(board.snapshot(wall.instant(), loop.connected()));
                    }
                    if (wall.millis() - lastStatus >= 10_000) {
                        lastStatus = wall.millis();
                        w.println(StatusLine.render(loop.connected(), loop.reconcileNote(), runner.failed(), instruments, exposure,
                            journal, guard) + " | data " + (feed == null ? "polling (--no-stream)" : feed.mode()));
                        w.flush();
                    }
                    try {
                        gclock.sleep(Duration.ofMillis(500));   // the gateway refreshes snapshots about every 500 ms
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                }
                keeper.stop();
            } finally {
                if (stream != null) stream.close();
            }
            return 0;
        }
    }

    /** An {@code sor} push reported a fill: fetch and apply it now (trades -> journal, once each) instead of at the next bar. */
    private static void deliverFillsNow(LiveRunner runner) {
        try {
            runner.deliverFills();
        } catch (io.ibex.gateway.GatewayException e) {
            log.warn("fills announced on the stream could not be fetched yet ({}); the next bar or reconciliation applies them",
                e.getMessage());
        }
    }

    private static java.util.Map<Instrument, Long> conids(GatewayClient client, List<Instrument> instruments) {
        java.util.Map<Instrument, Long> m = new LinkedHashMap<>();
        for (Instrument in : instruments) m.put(in, client.resolveConid(in.symbol()));
        return m;
    }

    /** {period, bar} for /iserver/marketdata/history (ibkr-gateway.md §5.2). */
    static String[] historyBar(Duration bar) {
        long m = bar.toMinutes();
        if (bar.toMillis() % 60_000 != 0) throw new ConfigException("--warm-up: bar size " + BarSizes.format(bar) + " has no gateway history bar");
        if (List.of(1L, 2L, 3L, 5L, 10L, 15L, 30L).contains(m)) return new String[]{"2d", m + "min"};
        if (m % 60 == 0 && List.of(1L, 2L, 3L, 4L, 8L).contains(m / 60)) return new String[]{"1w", (m / 60) + "h"};
        if (m == 1440) return new String[]{"1y", "1d"};
        throw new ConfigException("--warm-up: bar size " + BarSizes.format(bar) + " has no gateway history bar (1-30min, 1-8h, 1d)");
    }

    private static void cancelWorking(OrderJournal journal, GatewayOrders orders) {
        for (JournalIntent i : journal.openIntents()) {
            if (i.brokerOrderId() == null || i.brokerOrderId().isEmpty()) continue;
            try {
                orders.cancel(i.brokerOrderId());
                journal.setStatus(i.id(), OrderStatus.PENDING_CANCEL, null, "kill switch");
            } catch (RuntimeException e) {
                log.error("cancel of {} failed: {}", i.id(), e.getMessage());
            }
        }
    }
}
