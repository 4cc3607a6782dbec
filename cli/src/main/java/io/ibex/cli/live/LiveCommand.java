package io.ibex.cli.live;

import io.ibex.data.BarSizes;
import io.ibex.framework.domain.Instrument;
import io.ibex.framework.error.ConfigException;
import io.ibex.framework.strategy.Sizing;
import io.ibex.live.journal.JournalLockedException;
import io.ibex.cli.replay.ReplayRun;
import picocli.CommandLine;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.io.PrintWriter;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

/** {@code ibex live}: one strategy on live gateway data, or replayed through the whole live path with --sim-data. */
@Command(name = "live", mixinStandardHelpOptions = true, subcommands = HaltCommand.class,
    description = {"Run a strategy live through the gateway (paper by default), or replay a bar file through the live path.",
        "Example: ibex live --gateway sim --sim-data sample:aapl-2013 --speed max --strategy sma-cross --symbol AAPL --out runs/replay",
        "Exit codes: 2 bad input, 3 journal locked by another runner, 4 paper/live account guard,"
            + " 5 the strategy FAILED (3 errors in a row; the message names the strategy, the bar and the exception)."})
public final class LiveCommand implements Callable<Integer> {
    public static final int EXIT_ACCOUNT_GUARD = 4;
    public static final int EXIT_STRATEGY_FAILED = 5;

    @CommandLine.Spec CommandLine.Model.CommandSpec spec;

    @Option(names = "--strategy", paramLabel = "NAME", description = "Strategy name (see: ibex strategies).")
    String strategy;

    @Option(names = "-p", paramLabel = "KEY=VALUE", description = "Strategy parameter, repeatable.")
    Map<String, String> params = new LinkedHashMap<>();

    @Option(names = "--symbol", paramLabel = "SYM", description = "Instrument(s) to trade, repeatable.")
    List<String> symbols = new ArrayList<>();

    @Option(names = "--bar", paramLabel = "SIZE", description = "Bar size (live default 1m; replay default: the data's own spacing).")
    String bar;

    @Option(names = "--account", paramLabel = "ID", description = "Account id (default: the gateway's selected account).")
    String account;

    @Option(names = "--gateway", paramLabel = "URL|sim", defaultValue = "${env:IBEX_GATEWAY:-https://localhost:5000}",
        description = "Gateway root URL, or 'sim' (default ${DEFAULT-VALUE}).")
    String gateway;

    @Option(names = "--gateway-cert", paramLabel = "PEM", description = "Gateway certificate to pin (default ~/.ibex/gateway.pem).")
    Path gatewayCert;

    @ArgGroup(exclusive = true, multiplicity = "0..1")
    Mode mode;

    static final class Mode {
        @Option(names = "--paper", description = "Paper account only (default): the account id must start with DU.")
        boolean paper;
        @Option(names = "--live-i-understand", description = "Allow a live (real money) account.")
        boolean live;
    }

    @Option(names = "--warm-up", description = "Feed recent history (/iserver/marketdata/history) to the strategy first, so indicators are ready; orders it places on history are dropped.")
    boolean warmUp;

    @CommandLine.Mixin io.ibex.cli.live.AlertOptions alertOptions = new io.ibex.cli.live.AlertOptions();

    @Option(names = "--ui", paramLabel = "[HOST:]PORT", description = "Serve a live dashboard (session, positions, orders,"
        + " fills, alerts, a HALT button) on 127.0.0.1:PORT, 0 = a free port; prints its address with the access token.")
    String ui;

    @Option(names = "--ui-allow-remote", description = "Let --ui bind a non-loopback address (the page can halt trading:"
        + " put it behind TLS).")
    boolean uiAllowRemote;

    @Option(names = "--shadow", description = "Journal and log the orders it would send, never send them.")
    boolean shadow;

    @Option(names = "--no-stream", description = "Poll snapshots only; by default bars come from the gateway's WebSocket"
        + " while it is healthy, with polling as fall-back.")
    boolean noStream;

    @Option(names = "--journal", paramLabel = "PATH", description = "Order journal (H2 file; default DIR/journal).")
    Path journal;

    @Option(names = "--out", paramLabel = "DIR", description = "Run directory: journal, HALT switch, orders.csv, trades.csv.")
    Path out;

    @Option(names = "--quantity", paramLabel = "N", description = "Units per new position (default 1).")
    BigDecimal quantity;

    @Option(names = "--percent-equity", paramLabel = "P", description = "Size each new position to whole units worth P%% of"
        + " equity (--cash plus what this run's fills made of it), like the backtest; excludes --quantity.")
    Double percentEquity;

    @Option(names = "--cash", paramLabel = "AMOUNT", defaultValue = "100000", description = "Starting cash of a replay, and"
        + " live the capital --percent-equity sizes against (default 100000).")
    BigDecimal cash;

    @Option(names = "--commission", paramLabel = "none|ibkr-fixed", defaultValue = "none", description = "What the replay's"
        + " simulator charges per fill: none (default, as the backtest's default) or ibkr-fixed (USD 0.005/share, min 1.00,"
        + " max 1%% of value); live, IBKR charges what it charges.")
    String commission;

    @Option(names = "--sim-data", paramLabel = "SRC", description = "Replay this bar source (file, sample:NAME, db:SYM) through the"
        + " live path; repeat it with --symbol for a portfolio (the i-th --sim-data trades as the i-th --symbol).")
    List<String> simData = new ArrayList<>();

    @Option(names = "--speed", paramLabel = "max", defaultValue = "max", description = "Replay speed; only 'max' (manual clock, step mode).")
    String speed;

    @Option(names = "--venue", paramLabel = "sim|memory", defaultValue = "sim", description = "Where a replay's orders go:"
        + " 'sim' = the in-process HTTPS gateway simulator (default), 'memory' = the in-memory replay venue.")
    String venue;

    @Option(names = "--ibeam-dir", paramLabel = "DIR", description = "IBeam checkout: lets the session keeper log in again"
        + " through IBeam when the session is lost (without --ibeam-dir/--env-file it stops at ssodh/init and alerts).")
    Path ibeamDir;

    @Option(names = "--env-file", paramLabel = "FILE", description = "Private (0600) IBeam .env (default with --ibeam-dir: ~/.ibex/ibeam.env).")
    Path envFile;

    @Option(names = "--ibeam-command", paramLabel = "ARG", description = "IBeam argv, one element per use (default: python3 ibeam_starter.py).")
    List<String> ibeamCommand = new ArrayList<>();

    @Option(names = "--plugin", paramLabel = "JAR", description = "Strategy plugin JAR, repeatable.")
    List<Path> plugins = new ArrayList<>();

    @Override
    public Integer call() {
        // not picocli-required, so that 'ibex live halt' works without them
        if (strategy == null) throw new ConfigException("missing --strategy NAME (see: ibex strategies)");
        if (symbols.isEmpty()) throw new ConfigException("missing --symbol SYM (repeatable)");
        sizing();
        if (cash.signum() <= 0) throw new ConfigException("--cash must be positive, was " + cash.toPlainString());
        PrintWriter w = spec.commandLine().getOut();
        try {
            if (!simData.isEmpty()) return replay(w);
            return LiveSession.run(this, w);
        } catch (JournalLockedException e) {
            spec.commandLine().getErr().println("ibex live: " + e.getMessage());
            spec.commandLine().getErr().flush();
            return JournalLockedException.EXIT_CODE;
        } catch (AccountGuardException e) {
            spec.commandLine().getErr().println("ibex live: " + e.getMessage());
            spec.commandLine().getErr().flush();
            return EXIT_ACCOUNT_GUARD;
        }
    }

    private int replay(PrintWriter w) {
        if (!"sim".equalsIgnoreCase(gateway.trim()))
            throw new ConfigException("--sim-data replays through the simulator: add --gateway sim");
        if (!"max".equals(speed)) throw new ConfigException("--speed " + speed + " is not supported; replays run at --speed max");
        if (symbols.size() != simData.size())
            throw new ConfigException("a replay pairs each --sim-data with one --symbol: got " + simData.size() + " --sim-data and "
                + symbols.size() + " --symbol " + symbols);
        ReplayRun.Venue where = switch (venue.trim().toLowerCase(java.util.Locale.ROOT)) {
            case "sim" -> ReplayRun.Venue.SIMULATOR;
            case "memory" -> ReplayRun.Venue.MEMORY;
            default -> throw new ConfigException("--venue " + venue + " is not known; use sim (the gateway simulator) or memory");
        };
        Duration barSize = bar == null ? null : BarSizes.parse(bar);
        List<ReplayRun.Source> sources = new ArrayList<>();
        for (int i = 0; i < simData.size(); i++) sources.add(new ReplayRun.Source(simData.get(i), instruments().get(i).symbol()));
        ReplayRun.Outcome o = ReplayRun.execute(new ReplayRun.Request(sources, barSize, strategy, params, sizing(), cash, journal, out,
            plugins, where, ReplayRun.commission(commission)));
        long fills = o.orders().stream().filter(r -> r.event().equals("filled")).count();
        String through = where == ReplayRun.Venue.SIMULATOR ? "gateway simulator" : "memory venue";
        w.println("replayed " + o.bars() + " bars of " + String.join(", ", simData) + " through the live path (" + through + ") with "
            + o.strategy() + ": "
            + o.orders().stream().filter(r -> r.event().equals("submitted")).count() + " orders, " + fills + " fills"
            + (o.strategyFailed() ? " (strategy FAILED after repeated errors)" : ""));
        w.println(out == null ? "  (add --out DIR for orders.csv and trades.csv)" : "  Files          " + out.toAbsolutePath());
        w.flush();
        return o.strategyFailed() ? strategyFailed(o.failureOrNull()) : 0;
    }

    /** Exit 5 with the reason on stderr, one line. */
    int strategyFailed(String reason) {
        spec.commandLine().getErr().println("ibex live: " + reason);
        spec.commandLine().getErr().flush();
        return EXIT_STRATEGY_FAILED;
    }

    /** {@code --quantity N} (default 1) or {@code --percent-equity P}, checked. */
    Sizing sizing() {
        if (percentEquity != null) {
            if (quantity != null) throw new ConfigException("give --quantity or --percent-equity, not both");
            if (!(percentEquity > 0 && percentEquity <= 100))
                throw new ConfigException("--percent-equity must be in (0, 100], was " + percentEquity);
            return new Sizing.PercentOfEquity(percentEquity);
        }
        BigDecimal q = quantity == null ? BigDecimal.ONE : quantity;
        if (q.signum() <= 0) throw new ConfigException("--quantity must be positive, was " + q.toPlainString());
        return new Sizing.FixedQuantity(q);
    }

    List<Instrument> instruments() {
        List<Instrument> l = new ArrayList<>();
        for (String s : symbols) l.add(Instrument.of(s.trim().toUpperCase(java.util.Locale.ROOT)));
        return l;
    }
}
