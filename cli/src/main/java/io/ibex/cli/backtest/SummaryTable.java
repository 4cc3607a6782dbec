package io.ibex.cli.backtest;

import io.ibex.backtest.BacktestResult;
import io.ibex.execution.Decimals;
import io.ibex.backtest.PortfolioEngine;
import io.ibex.framework.strategy.Sizing;
import io.ibex.backtest.metrics.Metrics;
import io.ibex.backtest.report.CsvFiles;
import io.ibex.backtest.report.RunInfo;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/** The human-readable summary printed after a run: one aligned "label  value" line each. */
public final class SummaryTable {
    private SummaryTable() {}

    public static String render(BacktestRun.Outcome o) {
        RunInfo info = o.info();
        BacktestResult r = o.result();
        Metrics m = o.metrics();
        Map<String, String> rows = new LinkedHashMap<>();
        StringBuilder params = new StringBuilder();
        for (Map.Entry<String, String> e : info.params().entrySet())
            params.append(params.length() == 0 ? "" : " ").append(e.getKey()).append('=').append(e.getValue());
        rows.put("Strategy", info.strategy() + (params.length() == 0 ? "" : " (" + params + ")"));
        int n = r.bars().size();
        rows.put("Data", info.data() + ": " + r.bars().instrument().symbol() + ", " + n + " bars, "
            + day(r.bars().time(0)) + " .. " + day(r.bars().time(n - 1)));
        rows.put("Trades", Integer.toString(r.trades().size()));
        rows.put("Initial cash", CsvFiles.plain(r.initialCash()));
        rows.put("Sizing", sizing(r.config().sizing()));
        rows.put("Final equity", CsvFiles.plain(r.finalEquity()));
        rows.put("Total return", pct(m.totalReturn()));
        rows.put("CAGR", pct(m.cagr()));
        rows.put("Sharpe", num(m.sharpe()));
        rows.put("Sortino", num(m.sortino()));
        rows.put("Max drawdown", pct(m.maxDrawdown()));
        rows.put("Win rate", pct(m.winRate()));
        rows.put("Profit factor", num(m.profitFactor()));
        rows.put("Commission", CsvFiles.plain(r.totalCommission()));
        StringBuilder open = new StringBuilder();
        boolean portfolio = PortfolioEngine.isPortfolio(r);
        for (var p : r.openPositions()) {
            open.append(open.length() == 0 ? "" : ", ").append(portfolio ? p.instrument().symbol() + " " : "")
                .append(units(p.quantity())).append(", entry ").append(CsvFiles.plain(p.averagePrice()));
            if (!portfolio) open.append(", last close ").append(CsvFiles.plain(Decimals.of(r.bars().close(n - 1))));
        }
        rows.put("Open at end", open.length() == 0 ? "flat" : open + " (not in the trade count)");
        if (o.pathRange() != null) {
            StringBuilder pr = new StringBuilder();
            for (var e : o.pathRange().netProfit().entrySet())
                pr.append(pr.length() == 0 ? "" : ", ").append(e.getKey().cliName()).append(' ').append(CsvFiles.plain(e.getValue()));
            rows.put("Path range", CsvFiles.plain(o.pathRange().width()) + " (net profit " + pr + ")");
        }
        rows.put("Speed", speed(n, r.elapsedNanos(), o.totalNanos()));
        int k = 0;
        for (Map.Entry<String, String> e : info.plugins().entrySet())
            rows.put(info.plugins().size() == 1 ? "Plugin" : "Plugin " + ++k, e.getKey() + " sha256 " + e.getValue());
        StringBuilder b = new StringBuilder();
        for (Map.Entry<String, String> e : rows.entrySet())
            b.append(String.format(Locale.ROOT, "  %-14s %s%n", e.getKey(), e.getValue()));
        return b.toString();
    }

    /** Engine time (the bar loop) and total time (reading, engine, statistics, files), as a user waits for it. */
    static String speed(int bars, long engineNanos, long totalNanos) {
        return String.format(Locale.ROOT, "%d bars: engine %.1f ms, total %.1f ms (reading, statistics, files)", bars,
            engineNanos / 1e6, totalNanos / 1e6);
    }

    /** How big a new position is, as the option that asks for it. */
    static String sizing(Sizing s) {
        return switch (s) {
            case Sizing.FixedQuantity q -> units(q.quantity()) + " per new position (--quantity " + CsvFiles.plain(q.quantity()) + ")";
            case Sizing.PercentOfEquity p -> "whole units worth up to " + CsvFiles.plain(java.math.BigDecimal.valueOf(p.percent()))
                + "% of equity (--percent-equity " + CsvFiles.plain(java.math.BigDecimal.valueOf(p.percent())) + ")";
        };
    }

    private static String units(java.math.BigDecimal q) {
        return CsvFiles.plain(q) + (q.abs().compareTo(java.math.BigDecimal.ONE) == 0 ? " unit" : " units");
    }

    private static String day(long millis) { return Instant.ofEpochMilli(millis).toString().substring(0, 10); }

    static String pct(double v) {
        if (!Double.isFinite(v)) return "n/a";
        String s = String.format(Locale.ROOT, "%.2f%%", v * 100);
        return s.equals("-0.00%") ? "0.00%" : s;   // a loss that rounds to nothing is shown as nothing
    }

    private static String num(double v) { return Double.isFinite(v) ? String.format(Locale.ROOT, "%.2f", v) : "n/a"; }
}
