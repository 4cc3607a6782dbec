package io.ibex.cli.backtest;

import io.ibex.backtest.BacktestConfig;
import io.ibex.framework.env.IbexHome;
import io.ibex.framework.strategy.Sizing;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

/** {@code ibex demo}: sma-cross on the shipped AAPL 2013 daily bars, a summary, and an HTML report. */
@Command(name = "demo", mixinStandardHelpOptions = true,
    description = "Backtest sma-cross (fast=10, slow=30, all-in sizing) on shipped real data (AAPL 2013 daily bars) and write an HTML report.")
public final class DemoCommand implements Callable<Integer> {
    static final String DATA = "sample:aapl-2013";
    static final String STRATEGY = "sma-cross";

    @Spec CommandSpec spec;

    @Option(names = "--out", paramLabel = "DIR", description = "Where to write the report (default: ~/.ibex/runs/demo).")
    Path out;

    @Override
    public Integer call() {
        Path dir = out != null ? out : IbexHome.dir().resolve("runs").resolve("demo");
        BacktestRun.Outcome o = BacktestRun.execute(new BacktestRequest(DATA, null, null, STRATEGY,
            Map.of("fast", "10", "slow", "30"), BacktestConfig.defaults().withSizing(new Sizing.PercentOfEquity(100)), dir, List.of()));
        PrintWriter w = spec.commandLine().getOut();
        w.println("ibex demo: " + STRATEGY + " on " + DATA + ", all-in (whole shares worth up to 100% of equity), no commission, fills at the next open");
        w.println();
        w.print(SummaryTable.render(o));
        w.println();
        w.println("Report: " + dir.toAbsolutePath().resolve("report.html"));
        w.println("Files:  summary.json trades.csv orders.csv equity.csv in " + dir.toAbsolutePath());
        w.println("Next:   ibex strategies   |   ibex backtest --data sample:eth-5m-2023 --strategy rsi-reversion --out DIR");
        w.flush();
        return 0;
    }
}
