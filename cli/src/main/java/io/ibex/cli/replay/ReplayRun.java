package io.ibex.cli.replay;

import io.ibex.data.BarSizes;
import io.ibex.data.BarSources;
import io.ibex.framework.domain.Bars;
import io.ibex.framework.domain.Fill;
import io.ibex.framework.domain.Instrument;
import io.ibex.framework.error.ConfigException;
import io.ibex.framework.error.DataException;
import io.ibex.framework.strategy.Params;
import io.ibex.framework.strategy.Sizing;
import io.ibex.framework.strategy.Strategy;
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
import io.ibex.sim.SimCommission;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;

/**
 * {@code ibex live --gateway sim --sim-data SRC --speed max} (repeat {@code --sim-data SRC --symbol SYM} for a portfolio,
 * served as the portfolio backtest serves it): the whole live path (bar builder, staleness guard,
 * strategy host, risk, journal, router, reconciliation) over a recorded bar file at full speed, writing orders.csv and
 * trades.csv in the backtest's formats. See {@link ReplayDriver} for the fill semantics that make it match a backtest.
 */
public final class ReplayRun {
    /** Where orders go: the in-process HTTPS gateway simulator (default), or the in-memory {@link ReplayVenue}. */
    public enum Venue { SIMULATOR, MEMORY }

    /** One replayed series: a bar source and the symbol it trades as (null: the one the source names). */
    public record Source(String data, String symbolOrNull) {
        public Source { java.util.Objects.requireNonNull(data, "data"); }
    }

    /**
     * @param sources       one per instrument, in serving order (several: a portfolio with one cash account)
     * @param journalOrNull null: a fresh journal in a temporary directory, removed afterwards
     * @param commission    what the simulator charges per fill (the memory venue charges nothing)
     */
    public record Request(List<Source> sources, Duration barOrNull, String strategy, Map<String, String> params, Sizing sizing,
                          BigDecimal cash, Path journalOrNull, Path outOrNull, List<Path> plugins, Venue venue, SimCommission commission) {
        public Request {
            sources = List.copyOf(sources);
            if (sources.isEmpty()) throw new IllegalArgumentException("a replay needs at least one source");
            java.util.Objects.requireNonNull(sizing, "sizing");
            java.util.Objects.requireNonNull(venue, "venue");
            java.util.Objects.requireNonNull(commission, "commission");
        }

        /** One series. */
        public Request(String data, Duration barOrNull, String symbolOrNull, String strategy, Map<String, String> params,
                       Sizing sizing, BigDecimal cash, Path journalOrNull, Path outOrNull, List<Path> plugins, Venue venue,
                       SimCommission commission) {
            this(List.of(new Source(data, symbolOrNull)), barOrNull, strategy, params, sizing, cash, journalOrNull, outOrNull,
                plugins, venue, commission);
        }

        /** One series, one unit per position, no commission. */
        public Request(String data, Duration barOrNull, String symbolOrNull, String strategy, Map<String, String> params,
                       BigDecimal cash, Path journalOrNull, Path outOrNull, List<Path> plugins, Venue venue) {
            this(data, barOrNull, symbolOrNull, strategy, params, new Sizing.FixedQuantity(BigDecimal.ONE), cash, journalOrNull,
                outOrNull, plugins, venue, SimCommission.NONE);
        }
    }

    /** {@code --commission} of a replay: {@code none} or {@code ibkr-fixed}; other backtest models are refused. */
    public static SimCommission commission(String spec) {
        return switch (spec.trim().toLowerCase(java.util.Locale.ROOT)) {
            case "none" -> SimCommission.NONE;
            case "ibkr-fixed" -> IBKR_FIXED;
            default -> throw new ConfigException("--commission " + spec + " is not available in a replay; use none or ibkr-fixed"
                + " (the other models need the backtest's commission ledger: run ibex backtest)");
        };
    }

    /** IBKR Pro fixed as the backtest's ibkr-fixed: USD 0.005 a share, at least 1.00, at most 1 % of the trade value. */
    static final SimCommission IBKR_FIXED = (qty, price) -> Math.min(Math.max(1.00, 0.005 * qty), 0.01 * qty * price);

    /** @param failureOrNull why the strategy is FAILED ({@link StrategyHost#failure()}), null when it ran to the end */
    public record Outcome(String strategy, int bars, List<OrderLogRow> orders, List<Fill> fills, String failureOrNull) {
        public boolean strategyFailed() { return failureOrNull != null; }
    }

    /**
     * The live defaults with a 50 % price collar: a replay measures the live path against the backtest, and the live 5 %
     * collar (both sides of the last trade) would deny breakout stops that rest more than 5 % above the close, which the
     * backtest places. Live runs keep {@link RiskLimits#defaults()}.
     */
    static final RiskLimits REPLAY_LIMITS = RiskLimits.defaults().withPriceCollar(0.5);

    private ReplayRun() {}

    public static Outcome execute(Request req) { return execute(req, UnaryOperator.identity()); }

    /** As {@link #execute(Request)} with the strategy wrapped by {@code around} (tests record what it sees). */
    public static Outcome execute(Request req, UnaryOperator<Strategy> around) {
        try (StrategyRegistry registry = StrategyRegistry.load(req.plugins())) {
            StrategyFactory factory = registry.find(req.strategy());
            Params params = Params.resolve(factory.name(), factory.params(), new LinkedHashMap<>(req.params()));
            List<Bars> series = load(req.sources(), req.barOrNull());
            long barMillis = series.get(0).periodMillis();
            String origin = registry.origin(factory.name());
            String sha = StrategyRegistry.BUILT_IN.equals(origin) ? StrategyRegistry.BUILT_IN : registry.pluginHashes().get(origin);
            Path tempDir = null;
            Path journalPath = req.journalOrNull();
            try {
                if (journalPath == null) {
                    tempDir = ReplayTempDirs.create(Path.of(System.getProperty("java.io.tmpdir")));
                    journalPath = tempDir.resolve("journal");
                }
                ReplayClock clock = new ReplayClock(series.stream().mapToLong(b -> b.time(0)).min().orElseThrow());
                try (OrderJournal journal = OrderJournal.open(journalPath, "replay", clock)) {
                    if (!journal.intents().isEmpty())
                        throw new ConfigException("journal " + journalPath + " already holds orders; a replay needs a fresh --journal");
                    ReplayVenue memory = req.venue() == Venue.MEMORY ? new ReplayVenue(series) : null;
                    try (SimulatorReplay simulator = memory == null ? SimulatorReplay.start(series, req.cash(), req.commission(), clock) : null) {
                        OrderGateway venue = memory != null ? memory : simulator.orders();
                        ReplayFills fillsAt = memory != null ? memory : simulator;
                        Path runDir = req.outOrNull() != null ? req.outOrNull() : journalPath.toAbsolutePath().getParent();
                        RiskGate risk = new RiskGate(REPLAY_LIMITS, clock, new KillSwitch(runDir, () -> false));
                        ExposureBook exposure = new ExposureBook(journal);
                        OrderRouter router = new OrderRouter(journal, risk, venue, exposure, clock, d -> { },
                            OrderRouter.LookupPolicy.defaults(), false);
                        StalenessGuard guard = new StalenessGuard(RiskLimits.defaults().maxSnapshotAgeMillis(), clock::monoNanos);
                        LiveContext ctx = new LiveContext(journal, router, exposure, guard, venue,
                            new LiveContext.StrategyStamp(factory.name(), factory.version(), sha), req.sizing(), req.cash());
                        Map<Instrument, StrategyHost> hosts = new LinkedHashMap<>();   // one instance each, as the portfolio backtest
                        for (Bars b : series)
                            hosts.put(b.instrument(), new StrategyHost(factory.name(), around.apply(factory.create(params))));
                        LiveRunner runner = new LiveRunner(journal, router, new Reconciler(journal, venue, router, exposure, risk), venue,
                            ctx, hosts, barMillis);
                        runner.start();
                        ReplayDriver.run(series, barMillis, runner, fillsAt, guard, clock);
                        List<Fill> fills = journal.fills();
                        if (req.outOrNull() != null) LiveReports.write(req.outOrNull(), ctx.orderLog(), fills, series.size() > 1);
                        return new Outcome(factory.name(), series.stream().mapToInt(Bars::size).sum(), ctx.orderLog(), fills,
                            runner.failure());
                    }
                }
            } catch (IOException e) {
                throw new UncheckedIOException("replay could not write its files: " + e.getMessage(), e);
            } finally {
                if (tempDir != null) ReplayTempDirs.delete(tempDir);
            }
        }
    }

    /**
     * Each source's bars, checked: at least 2 bars, the symbol the data is about, each symbol once, one bar size for all.
     */
    static List<Bars> load(List<Source> sources, Duration barOrNull) {
        List<Bars> series = new ArrayList<>();
        Map<String, String> from = new HashMap<>();   // symbol -> the --sim-data it came from
        for (Source s : sources) {
            Bars bars = BarSources.load(s.data(), barOrNull, s.symbolOrNull());
            if (bars.size() < 2) throw new DataException(s.data() + " has " + bars.size() + " bars; a replay needs at least 2");
            checkSymbol(s.data(), bars, s.symbolOrNull());
            String earlier = from.putIfAbsent(bars.instrument().symbol().toUpperCase(java.util.Locale.ROOT), s.data());
            if (earlier != null)
                throw new ConfigException("--sim-data " + s.data() + ": symbol " + bars.instrument().symbol()
                    + " already comes from --sim-data " + earlier + "; give each symbol once");
            if (!series.isEmpty() && bars.periodMillis() != series.get(0).periodMillis())
                throw new ConfigException("--sim-data " + s.data() + " has " + size(bars) + " bars, --sim-data " + sources.get(0).data()
                    + " has " + size(series.get(0)) + " bars; a portfolio replay needs one bar size");
            series.add(bars);
        }
        return series;
    }

    private static String size(Bars bars) { return BarSizes.format(Duration.ofMillis(bars.periodMillis())); }

    /**
     * A sample or the bar store names its instrument: replaying ETH-USD bars as {@code --symbol AAPL} would trade a
     * symbol the data is not about, so it is refused ({@code ETH} for {@code ETH-USD} is fine). A file takes the symbol.
     */
    static void checkSymbol(String data, Bars bars, String symbolOrNull) {
        if (symbolOrNull == null || !(data.startsWith("sample:") || data.startsWith("db:"))) return;
        String want = symbolOrNull.trim().toUpperCase(java.util.Locale.ROOT);
        String have = bars.instrument().symbol().toUpperCase(java.util.Locale.ROOT);
        int dash = have.indexOf('-');
        if (want.equals(have) || dash > 0 && want.equals(have.substring(0, dash))) return;
        throw new ConfigException(data + " holds " + bars.instrument().symbol() + " bars, not " + symbolOrNull
            + ": give --symbol " + bars.instrument().symbol() + ", or replay data of " + symbolOrNull);
    }
}
