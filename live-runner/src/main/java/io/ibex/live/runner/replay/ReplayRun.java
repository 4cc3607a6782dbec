package io.ibex.live.runner.replay;

import io.ibex.data.BarSources;
import io.ibex.framework.domain.Bars;
import io.ibex.framework.domain.Fill;
import io.ibex.framework.error.ConfigException;
import io.ibex.framework.error.DataException;
import io.ibex.framework.strategy.Params;
import io.ibex.framework.strategy.StrategyFactory;
import io.ibex.framework.strategy.StrategyRegistry;
import io.ibex.live.journal.OrderJournal;
import io.ibex.live.market.StalenessGuard;
import io.ibex.live.risk.KillSwitch;
import io.ibex.live.risk.RiskGate;
import io.ibex.live.risk.RiskLimits;
import io.ibex.live.runner.ExposureBook;
import io.ibex.live.runner.LiveContext;
import io.ibex.live.runner.LiveReports;
import io.ibex.live.runner.LiveRunner;
import io.ibex.live.runner.OrderGateway;
import io.ibex.live.runner.OrderLogRow;
import io.ibex.live.runner.OrderRouter;
import io.ibex.live.runner.Reconciler;
import io.ibex.live.runner.StrategyHost;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code ibex live --gateway sim --sim-data SRC --speed max}: the whole live path (bar builder, staleness guard,
 * strategy host, risk, journal, router, reconciliation) over a recorded bar file at full speed, writing orders.csv and
 * trades.csv in the backtest's formats. See {@link ReplayDriver} for the fill semantics that make it match a backtest.
 */
public final class ReplayRun {
    /** Where orders go: the in-process HTTPS gateway simulator (default), or the in-memory {@link ReplayVenue}. */
    public enum Venue { SIMULATOR, MEMORY }

    /** @param journalOrNull null: a fresh journal in a temporary directory, removed afterwards */
    public record Request(String data, Duration barOrNull, String symbolOrNull, String strategy, Map<String, String> params,
                          BigDecimal quantity, BigDecimal cash, Path journalOrNull, Path outOrNull, List<Path> plugins, Venue venue) {
        public Request {
            java.util.Objects.requireNonNull(venue, "venue");
        }

        /** Through the gateway simulator. */
        public Request(String data, Duration barOrNull, String symbolOrNull, String strategy, Map<String, String> params,
                       BigDecimal quantity, BigDecimal cash, Path journalOrNull, Path outOrNull, List<Path> plugins) {
            this(data, barOrNull, symbolOrNull, strategy, params, quantity, cash, journalOrNull, outOrNull, plugins, Venue.SIMULATOR);
        }
    }

    public record Outcome(String strategy, int bars, List<OrderLogRow> orders, List<Fill> fills, boolean strategyFailed) {}

    private ReplayRun() {}

    public static Outcome execute(Request req) {
        try (StrategyRegistry registry = StrategyRegistry.load(req.plugins())) {
            StrategyFactory factory = registry.find(req.strategy());
            Params params = Params.resolve(factory.name(), factory.params(), new LinkedHashMap<>(req.params()));
            Bars bars = BarSources.load(req.data(), req.barOrNull(), req.symbolOrNull());
            if (bars.size() < 2) throw new DataException(req.data() + " has " + bars.size() + " bars; a replay needs at least 2");
            long barMillis = req.barOrNull() != null ? req.barOrNull().toMillis() : smallestGap(bars);
            String origin = registry.origin(factory.name());
            String sha = StrategyRegistry.BUILT_IN.equals(origin) ? StrategyRegistry.BUILT_IN : registry.pluginHashes().get(origin);
            Path tempDir = null;
            Path journalPath = req.journalOrNull();
            try {
                if (journalPath == null) {
                    tempDir = ReplayTempDirs.create(Path.of(System.getProperty("java.io.tmpdir")));
                    journalPath = tempDir.resolve("journal");
                }
                ReplayClock clock = new ReplayClock(bars.time(0));
                try (OrderJournal journal = OrderJournal.open(journalPath, "replay", clock)) {
                    if (!journal.intents().isEmpty())
                        throw new ConfigException("journal " + journalPath + " already holds orders; a replay needs a fresh --journal");
                    ReplayVenue memory = req.venue() == Venue.MEMORY ? new ReplayVenue() : null;
                    try (SimulatorReplay simulator = memory == null ? SimulatorReplay.start(bars, req.cash(), clock) : null) {
                        OrderGateway venue = memory != null ? memory : simulator.orders();
                        ReplayFills fillsAt = memory != null ? memory : simulator;
                        Path runDir = req.outOrNull() != null ? req.outOrNull() : journalPath.toAbsolutePath().getParent();
                        RiskGate risk = new RiskGate(RiskLimits.defaults(), clock, new KillSwitch(runDir, () -> false));
                        ExposureBook exposure = new ExposureBook(journal);
                        OrderRouter router = new OrderRouter(journal, risk, venue, exposure, clock, d -> { },
                            OrderRouter.LookupPolicy.defaults(), false);
                        StalenessGuard guard = new StalenessGuard(RiskLimits.defaults().maxSnapshotAgeMillis(), clock::monoNanos);
                        LiveContext ctx = new LiveContext(journal, router, exposure, guard, venue,
                            new LiveContext.StrategyStamp(factory.name(), factory.version(), sha), req.quantity(), req.cash());
                        StrategyHost host = new StrategyHost(factory.name(), factory.create(params));
                        LiveRunner runner = new LiveRunner(journal, router, new Reconciler(journal, venue, router, exposure, risk), venue,
                            ctx, host, List.of(bars.instrument()));
                        runner.start();
                        ReplayDriver.run(bars, barMillis, runner, fillsAt, guard, clock);
                        List<Fill> fills = journal.fills();
                        if (req.outOrNull() != null) LiveReports.write(req.outOrNull(), ctx.orderLog(), fills);
                        return new Outcome(factory.name(), bars.size(), ctx.orderLog(), fills, host.failed());
                    }
                }
            } catch (IOException e) {
                throw new UncheckedIOException("replay could not write its files: " + e.getMessage(), e);
            } finally {
                if (tempDir != null) ReplayTempDirs.delete(tempDir);
            }
        }
    }

    static long smallestGap(Bars bars) {
        long gap = Long.MAX_VALUE;
        for (int i = 1; i < bars.size(); i++) gap = Math.min(gap, bars.time(i) - bars.time(i - 1));
        return gap;
    }
}
