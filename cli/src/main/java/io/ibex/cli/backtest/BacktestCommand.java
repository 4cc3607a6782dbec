package io.ibex.cli.backtest;

import io.ibex.backtest.RunOptions;

import io.ibex.backtest.BacktestConfig;
import io.ibex.execution.IntrabarPath;
import io.ibex.backtest.report.SharpeCi;
import io.ibex.data.BarSizes;
import io.ibex.framework.error.ConfigException;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

/** {@code ibex backtest}: one strategy over one data source, with the output files of DESIGN.md. */
@Command(name = "backtest", mixinStandardHelpOptions = true, sortOptions = false,
    description = {"Backtest a strategy on recorded bars. Decisions on closed bars; market orders fill at the next bar's open.",
        "Example: ibex backtest --data sample:aapl-2013 --strategy sma-cross -p fast=10 -p slow=30 --out runs/aapl"})
public final class BacktestCommand implements Callable<Integer> {
    @Spec CommandSpec spec;

    @Option(names = "--data", required = true, paramLabel = "SRC",
        description = {"File path (CSV bars, ta4j JSON bars, tick CSV with --bar), sample:NAME or db:SYMBOL[@BAR];",
            "repeat for a portfolio (one cash account, instruments served in --data order, each symbol once)."})
    List<String> data = new ArrayList<>();

    @Option(names = "--strategy", required = true, paramLabel = "NAME", description = "Strategy name (see: ibex strategies).")
    String strategy;

    @Option(names = "-p", paramLabel = "KEY=VALUE", description = "Strategy parameter, repeatable (e.g. -p fast=10).")
    Map<String, String> params = new LinkedHashMap<>();

    @Option(names = "--cash", paramLabel = "AMOUNT", defaultValue = "100000", description = "Initial cash (default ${DEFAULT-VALUE}).")
    BigDecimal cash;

    @ArgGroup(exclusive = true, multiplicity = "0..1")
    SizingOptions sizing;

    static final class SizingOptions {
        @Option(names = "--quantity", paramLabel = "N", description = "Units per new position (default 1).")
        BigDecimal quantity;
        @Option(names = "--percent-equity", paramLabel = "P", description = "New positions worth P%% of equity (whole units).")
        Double percentEquity;
    }

    @Option(names = "--commission", paramLabel = "MODEL", defaultValue = "none", description = "Commission model: none (default), ibkr-fixed, ibkr-tiered, per-share:RATE[:MIN[:MAX_FRACTION]], percent:BPS.")
    String commission;

    @Option(names = "--slippage-bps", paramLabel = "B", defaultValue = "0", description = "Adverse slippage on market/stop fills, basis points.")
    BigDecimal slippageBps;

    @Option(names = "--fill", paramLabel = "MODE", defaultValue = "next-open", description = "When market orders fill: next-open (default) or close.")
    String fill;

    @Option(names = "--intrabar", paramLabel = "PATH", defaultValue = "pessimistic",
        description = "Assumed path inside a bar for limit/stop orders: ohlc, olhc or pessimistic (default).")
    String intrabar;

    @Option(names = "--path-range", description = "Rerun under every intrabar path and report the net-profit range.")
    boolean pathRange;

    @Option(names = "--max-volume-pct", paramLabel = "P", defaultValue = "0",
        description = "Fill at most P%% of each bar's volume; the rest waits for later bars (default 0 = no cap).")
    double maxVolumePct;

    @Option(names = "--margin", description = "Allow cash to go negative (default: buys are cut to what cash pays for).")
    boolean margin;

    @Option(names = "--bar", paramLabel = "SIZE", description = "Bar size for tick data or db sources (1m, 5m, 1h, 1d).")
    String bar;

    @Option(names = "--symbol", paramLabel = "SYM", description = "Instrument symbol for a file (default: file name).")
    String symbol;

    @Option(names = "--out", paramLabel = "DIR", description = "Write summary.json, trades.csv, orders.csv, equity.csv, report.html here.")
    Path out;

    @Option(names = "--sharpe-ci", paramLabel = "METHOD", defaultValue = "analytic",
        description = {"95%% interval of the Sharpe ratio in the report: analytic (default; Mertens/Lo standard error with a"
            + " Newey-West correction for autocorrelation, one pass over the returns) or bootstrap (stationary block"
            + " bootstrap, 2,000 resamples of at most 10,000 returns, daily points beyond that: up to 20 million draws,"
            + " about a second)."})
    String sharpeCi;

    @Option(names = "--plugin", paramLabel = "JAR", description = "Strategy plugin JAR, repeatable.")
    List<Path> plugins = new ArrayList<>();

    @Option(names = "--db", paramLabel = "PATH|URL",
        description = "Bar store for db: sources, a file path or jdbc: URL (default: $IBEX_DB, else ~/.ibex/ibex).")
    String db;

    @Override
    public Integer call() {
        BacktestRequest req = new BacktestRequest(data.get(0), bar == null ? null : BarSizes.parse(bar), symbol, strategy, params,
            config(), out, plugins, data.subList(1, data.size()), db, SharpeCi.parse(sharpeCi));
        BacktestRun.Outcome o = BacktestRun.execute(req, pathRange);
        PrintWriter w = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        for (String warning : o.warnings()) err.println("ibex backtest: warning: " + warning);
        err.flush();
        w.print(SummaryTable.render(o));
        w.println(out == null ? "  (add --out DIR for the report, trades, orders and equity files)"
            : "  Report         " + out.toAbsolutePath().resolve("report.html"));
        w.flush();
        return 0;
    }

    BacktestConfig config() {
        if (!(maxVolumePct >= 0 && maxVolumePct <= 100))
            throw new ConfigException("--max-volume-pct must be in [0, 100], was " + maxVolumePct);
        BigDecimal percent = sizing == null || sizing.percentEquity == null ? null : BigDecimal.valueOf(sizing.percentEquity);
        return RunOptions.config(cash, sizing == null ? null : sizing.quantity, percent, commission, slippageBps, fill)
            .withIntrabar(IntrabarPath.parse(intrabar)).withMargin(margin).withMaxVolumePct(maxVolumePct);
    }
}
