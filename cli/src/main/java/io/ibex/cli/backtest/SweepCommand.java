package io.ibex.cli.backtest;

import io.ibex.backtest.sweep.ParamGrid;
import io.ibex.backtest.sweep.RankBy;
import io.ibex.backtest.sweep.SweepEngine;
import io.ibex.backtest.sweep.SweepEngines;
import io.ibex.backtest.sweep.SweepJob;
import io.ibex.backtest.sweep.SweepRequest;
import io.ibex.backtest.sweep.SweepRun;
import io.ibex.backtest.sweep.SweepSettings;
import io.ibex.backtest.sweep.SweepSummary;
import io.ibex.backtest.sweep.WalkForward;

import io.ibex.backtest.report.OutputDir;
import io.ibex.data.BarSizes;
import io.ibex.data.BarSources;
import io.ibex.framework.domain.Bars;
import io.ibex.framework.error.ConfigException;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;

/** {@code ibex sweep}: every parameter set of a grid over the same bars, ranked, with an overfitting report. */
@Command(name = "sweep", mixinStandardHelpOptions = true, sortOptions = false,
    description = {"Backtest every parameter set of a grid on the same bars; rank them; estimate overfitting (PBO, deflated Sharpe).",
        "Example: ibex sweep --data sample:aapl-2013 --strategy sma-cross --grid fast=5:20:5 --grid slow=20:60:10 --out runs/sweep"})
public final class SweepCommand implements Callable<Integer> {
    @Spec CommandSpec spec;

    @Option(names = "--data", required = true, arity = "1..*", paramLabel = "SRC",
        description = "One or more sources: file path, sample:NAME or db:SYMBOL[@BAR]; each gets its own sweep.")
    List<String> data;

    @Option(names = "--strategy", required = true, paramLabel = "NAME", description = "Strategy name (see: ibex strategies).")
    String strategy;

    @Option(names = "--grid", required = true, paramLabel = "KEY=VALUES",
        description = "Parameter values, repeatable: key=a,b,c or key=from:to:step (inclusive).")
    List<String> grid;

    @Option(names = "--random", paramLabel = "N", description = "Run N seeded random parameter sets of the grid instead of all.")
    Integer random;

    @Option(names = "--seed", paramLabel = "S", defaultValue = "1", description = "Seed for --random (default ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--workers", paramLabel = "N", description = "Parallel runs for the local engine (default: all cores).")
    Integer workers;

    @Option(names = "--engine", paramLabel = "local|spark", defaultValue = "local", description = "Where runs execute (default ${DEFAULT-VALUE}).")
    String engine;

    @Option(names = "--master", paramLabel = "URL", defaultValue = "local[*]", description = "Spark master (default ${DEFAULT-VALUE}).")
    String master;

    @Option(names = "--rank-by", paramLabel = "COLUMN", defaultValue = "sharpe", description = "Column that picks the best set (default ${DEFAULT-VALUE}).")
    String rankBy;

    @Option(names = "--min-trades", paramLabel = "N", defaultValue = "5",
        description = "Rank only sets with at least N trades; a Sharpe from one trade says nothing (default ${DEFAULT-VALUE}).")
    int minTrades;

    @Option(names = "--walk-forward", paramLabel = "train=N,test=M", description = "Also walk forward: optimise on N bars, trade the best on the next M.")
    String walkForward;

    @Option(names = "--out", paramLabel = "DIR", description = "Write sweep.csv, sweep.html, overfitting.json (and walk-forward files) here.")
    Path out;

    @Option(names = "--cash", paramLabel = "AMOUNT", defaultValue = "100000", description = "Initial cash (default ${DEFAULT-VALUE}).")
    String cash;

    @ArgGroup(exclusive = true, multiplicity = "0..1")
    SizingOptions sizing;

    static final class SizingOptions {
        @Option(names = "--quantity", paramLabel = "N", description = "Units per new position (default 1).")
        String quantity;
        @Option(names = "--percent-equity", paramLabel = "P", description = "New positions worth P%% of equity (whole units).")
        String percentEquity;
    }

    @Option(names = "--commission", paramLabel = "MODEL", defaultValue = "none", description = "Commission model: none (default), ibkr-fixed, ibkr-tiered, per-share:RATE[:MIN[:MAX_FRACTION]], percent:BPS.")
    String commission;

    @Option(names = "--slippage-bps", paramLabel = "B", defaultValue = "0", description = "Adverse slippage on market/stop fills, basis points.")
    String slippageBps;

    @Option(names = "--fill", paramLabel = "MODE", defaultValue = "next-open", description = "When market orders fill: next-open (default) or close.")
    String fill;

    @Option(names = "--bar", paramLabel = "SIZE", description = "Bar size for tick data or db sources (1m, 5m, 1h, 1d).")
    String bar;

    @Option(names = "--plugin", paramLabel = "JAR", description = "Strategy plugin JAR, repeatable.")
    List<Path> plugins = new ArrayList<>();

    @Option(names = "--db", paramLabel = "PATH|URL",
        description = "Bar store for db: sources, a file path or jdbc: URL (default: $IBEX_DB, else ~/.ibex/ibex).")
    String db;

    @Override
    public Integer call() {
        SweepRequest req = request();
        PrintWriter w = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        if (out != null) OutputDir.check(out);
        if (random != null && random > req.grid().size()) {
            err.println("ibex sweep: --random " + random + " is more than the grid's " + req.grid().size()
                + " parameter sets; running all " + req.grid().size());
            err.flush();
        }
        try (SweepEngine eng = SweepEngines.find(req.engine())) {
            for (String src : data) {
                Bars bars = BarSources.load(src, req.bar(), null, db);
                Path dir = out == null ? null : data.size() == 1 ? out : out.resolve(slug(src));
                SweepRun.Outcome o = SweepRun.execute(req, eng, src, bars, dir, err);
                w.print(SweepSummary.render(req, o));
                w.flush();
                if (o.skipped() == o.rows().size())
                    throw new ConfigException("no parameter set of the grid could run on " + src + ": every set was refused ("
                        + o.firstSkipReason() + ")");
            }
        }
        return 0;
    }

    SweepRequest request() {
        ParamGrid g = ParamGrid.parse(grid);
        int[] indices = random == null ? g.all() : g.sample(random, seed);
        int w = workers == null ? Runtime.getRuntime().availableProcessors() : workers;
        if (w < 1) throw new ConfigException("--workers must be at least 1, was " + w);
        SweepSettings settings = new SweepSettings(strategy, plugins.stream().map(Path::toString).toList(), cash,
            sizing == null ? null : sizing.quantity, sizing == null ? null : sizing.percentEquity, commission, slippageBps, fill);
        settings.toConfig(); // bad backtest options fail before any data is read
        SweepRun.checkStrategy(settings, g);
        Duration barSize = bar == null ? null : BarSizes.parse(bar);
        return new SweepRequest(g, SweepJob.of(settings, g, indices, SweepRun.MAX_PERIODS), engine,
            new SweepEngine.Options(w, master), RankBy.parse(rankBy),
            walkForward == null ? null : WalkForward.Spec.parse(walkForward), barSize, minTrades);
    }

    static String slug(String source) {
        return source.replaceAll("[^A-Za-z0-9._-]+", "-").replaceAll("^-+|-+$", "");
    }
}
