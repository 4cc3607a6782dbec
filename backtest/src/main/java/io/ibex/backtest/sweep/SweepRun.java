package io.ibex.backtest.sweep;

import io.ibex.framework.domain.Bars;
import io.ibex.framework.error.ConfigException;
import io.ibex.framework.strategy.ParamSpec;
import io.ibex.framework.strategy.StrategyFactory;
import io.ibex.framework.strategy.StrategyRegistry;
import me.tongfei.progressbar.ConsoleProgressBarConsumer;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;

import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/** What {@code ibex sweep} does for one data source: run the grid, rank, report overfitting, walk forward, write files. */
public final class SweepRun {
    /** Cap on return periods per set kept for PBO / deflated Sharpe (see {@link PeriodReturns}). */
    public static final int MAX_PERIODS = 4096;

    /**
     * @param skipped    parameter sets the strategy refused
     * @param walkForward null without {@code --walk-forward}
     */
    public record Outcome(String source, int bars, List<SweepRow> rows, int skipped, String firstSkipReason,
                          Overfitting overfitting, WalkForward.Result walkForward, long elapsedMillis, Path out) {}

    private SweepRun() {}

    /** Fails fast, before data is read, on an unknown strategy or a grid key the strategy does not declare. */
    public static void checkStrategy(SweepSettings settings, ParamGrid grid) {
        try (StrategyRegistry r = StrategyRegistry.load(settings.plugins().stream().map(Path::of).toList())) {
            StrategyFactory f = r.find(settings.strategy());
            Set<String> known = f.params().stream().map(ParamSpec::name).collect(Collectors.toCollection(java.util.LinkedHashSet::new));
            for (String name : grid.names())
                if (!known.contains(name))
                    throw new ConfigException("--grid " + name + ": strategy " + f.name() + " has no parameter '" + name
                        + "'" + (known.isEmpty() ? " (it takes none)" : "; known: " + String.join(", ", known)));
        }
    }

    public static Outcome execute(SweepRequest req, SweepEngine engine, String source, Bars bars, Path out, PrintWriter err) {
        long start = System.nanoTime();
        SweepJob job = req.job();
        if (req.walkForward() != null) req.walkForward().checkFits(bars);
        List<SweepRow> rows;
        try (Progress p = Progress.start(err, "sweep " + source, job.size(), engine.name(), req.options())) {
            rows = engine.run(job, bars, req.options(), p);
        }
        int skipped = 0;
        String reason = null;
        for (SweepRow r : rows) {
            if (r.ran()) continue;
            if (skipped++ == 0) reason = r.params() + ": " + r.skipped();
        }
        Overfitting o = Overfitting.of(rows, req.rankBy(), PeriodReturns.barsPerPeriod(bars.size(), job.maxPeriods()));
        WalkForward.Result wf = null;
        if (req.walkForward() != null) {
            int windows = Math.max(0, (bars.size() - req.walkForward().train()) / req.walkForward().test());
            try (Progress p = Progress.start(err, "walk-forward " + source, (long) windows * job.size(), engine.name(), req.options())) {
                wf = WalkForward.run(engine, req.options(), job, bars, req.walkForward(), req.rankBy(), p);
            }
        }
        long elapsed = (System.nanoTime() - start) / 1_000_000;
        if (out != null) {
            List<String> names = job.paramNames();
            SweepOutputs.write(out, "sweep.csv", SweepCsv.render(names, rows));
            SweepOutputs.write(out, "overfitting.json", OverfittingJson.render(o, req.rankBy()));
            if (wf != null) {
                SweepOutputs.write(out, "walk-forward.csv", WalkForwardCsv.windows(names, wf));
                SweepOutputs.write(out, "walk-forward-equity.csv", WalkForwardCsv.equity(wf));
            }
            SweepOutputs.write(out, "sweep.html", SweepHtml.render("Sweep: " + job.settings().strategy() + " on " + source,
                bars.instrument().currency(), names, req.grid().axes(), rows, req.rankBy(), o, wf));
        }
        return new Outcome(source, bars.size(), rows, skipped, reason, o, wf, elapsed, out);
    }

    /** A progress bar with ETA on a terminal; otherwise one line at the start. */
    private static final class Progress implements SweepProgress, AutoCloseable {
        private final ProgressBar bar;

        private Progress(ProgressBar bar) { this.bar = bar; }

        static Progress start(PrintWriter err, String task, long total, String engine, SweepEngine.Options o) {
            String where = engine.equals("local") ? o.workers() + " worker(s)" : engine + " " + o.master();
            if (System.console() == null || total < 2) {
                err.println(task + ": " + total + " run(s) on " + where);
                err.flush();
                return new Progress(null);
            }
            return new Progress(new ProgressBarBuilder().setTaskName(task).setInitialMax(total)
                .setStyle(ProgressBarStyle.ASCII).setUpdateIntervalMillis(250).showSpeed()
                .setConsumer(new ConsoleProgressBarConsumer(new PrintStream(System.err, true))).build());
        }

        @Override public void runFinished() { if (bar != null) bar.step(); }

        @Override public void close() { if (bar != null) bar.close(); }
    }
}
