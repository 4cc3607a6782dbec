package io.ibex.backtest.report;

import io.ibex.backtest.BacktestResult;
import io.ibex.backtest.PathRange;
import io.ibex.backtest.PortfolioEngine;
import io.ibex.backtest.metrics.Metrics;
import io.ibex.backtest.metrics.PerformanceMetrics;
import io.ibex.framework.domain.Bars;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

/**
 * report.html: one self-contained file (inline CSS, SVG and one small script, nothing fetched) with the summary table
 * (and buy-and-hold alpha/beta), the parameters and data source, charts of equity against buy and hold, drawdown,
 * rolling Sharpe and volatility and each instrument's price with trade entries and exits, the monthly and yearly
 * returns, the trade P&amp;L distribution, a per-symbol table for portfolio runs and the trades with holding time,
 * return, MAE/MFE and exit reason. Everything is O(bars); charts are downsampled.
 */
public final class HtmlReport {
    private static final String CSS = "body{font-family:sans-serif;margin:24px;color:#222}"
        + "table{border-collapse:collapse;margin:8px 0 16px}td,th{padding:3px 10px;border-bottom:1px solid #ddd;text-align:left}"
        + "td.n{text-align:right;font-variant-numeric:tabular-nums}td.neg{color:#b2182b}td.pos{color:#2166ac}"
        + ".t{font-size:15px;font-weight:bold}.l{font-size:12px;fill:#444}.at{fill:#666;font-style:italic}"
        + ".a{stroke:#888}.g{stroke:#e6e6e6}.cursor{stroke:#999;stroke-dasharray:3 3}"
        + "svg.chart{display:block;width:100%;height:auto;margin:8px 0 18px}"
        + ".cols{display:flex;flex-wrap:wrap;gap:32px}.heat td{min-width:4.2em}"
        + ".tip{position:absolute;background:#fff;border:1px solid #999;padding:4px 8px;font-size:12px;pointer-events:none;"
        + "box-shadow:0 1px 4px rgba(0,0,0,.2)}" + DivergingPalette.CSS;
    private static final String STRATEGY = "#0969da", BENCHMARK = "#e66100";

    private HtmlReport() {}

    /** A run without a path range, its statistics computed here. */
    public static String render(RunInfo info, BacktestResult r, Metrics m) {
        return render(info, r, m, null, ExtraStatistics.of(r));
    }

    /** @param x the run's extra statistics, computed once for every output file */
    public static String render(RunInfo info, BacktestResult r, Metrics m, PathRange pathRange, ExtraStatistics x) {
        Bars bars = r.bars();
        int n = bars.size();
        long[] time = new long[n];
        for (int i = 0; i < n; i++) time[i] = bars.time(i);
        boolean portfolio = PortfolioEngine.isPortfolio(r);
        String currency = bars.instrument().currency();
        Benchmark bench = Benchmark.of(r, m.periodsPerYear());
        List<TradeDetails> details = TradeDetails.of(r);
        String title = info.strategy() + " on " + info.data();
        StringBuilder b = new StringBuilder(128 * 1024);
        b.append("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\"><title>ibex backtest: ")
            .append(Html.escape(title)).append("</title>\n<style>").append(CSS).append("</style></head><body>\n");
        b.append("<h1>").append(Html.escape(title)).append("</h1>\n<div class=\"cols\"><div><h2>Summary</h2>\n<table id=\"summary\">");
        summary(b, r, m, pathRange, x, bench, portfolio, time);
        b.append("</table></div>\n<div><h2>Run</h2>\n<table>");
        Html.row(b, "Strategy", info.strategy() + " (version " + info.strategyVersion() + ")");
        for (Map.Entry<String, String> e : info.params().entrySet()) Html.row(b, "Parameter " + e.getKey(), e.getValue());
        Html.row(b, "Data source", info.data());
        Html.row(b, "Instrument", bars.instrument().symbol() + " (" + currency + ")");
        for (Map.Entry<String, String> e : info.plugins().entrySet()) Html.row(b, "Plugin " + e.getKey(), "SHA-256 " + e.getValue());
        b.append("</table></div></div>\n<h2>Charts</h2>\n");
        charts(b, r, m, time, bench, currency);
        b.append("<h2>Monthly and yearly returns</h2>\n").append(PeriodReturnsTable.html(PeriodReturnsTable.of(time, r.equity(),
            r.initialCash().doubleValue())));
        if (portfolio) b.append("<h2>Per symbol</h2>\n").append(SymbolBreakdown.html(r, details));
        b.append("<h2>Trades</h2>\n").append(PnlHistogram.render(r.trades(), currency)).append(TradeTable.html(r, details, portfolio));
        b.append("<p>Files: summary.json, trades.csv, orders.csv, equity.csv.</p>\n").append(HoverScript.TAG).append("</body></html>\n");
        return b.toString();
    }

    private static void summary(StringBuilder b, BacktestResult r, Metrics m, PathRange pathRange, ExtraStatistics x, Benchmark bench,
                                boolean portfolio, long[] time) {
        int n = time.length;
        Html.row(b, "Bars", Integer.toString(n));
        Html.row(b, "Period (UTC)", n == 0 ? "" : Html.time(time[0]) + " .. " + Html.time(time[n - 1]));
        Html.row(b, "Trades (closed round trips)", Integer.toString(r.trades().size()));
        Html.row(b, "Initial cash", CsvFiles.plain(r.initialCash()));
        Html.row(b, "Final equity", CsvFiles.plain(r.finalEquity().setScale(2, java.math.RoundingMode.HALF_EVEN)));   // cents, like the console
        Html.row(b, "Total return", Html.pct(m.totalReturn()));
        Html.row(b, "Buy & hold return", Html.pct(bench.totalReturn()));
        Html.row(b, "Alpha vs buy & hold (annualised)", Html.pct(bench.alpha()));
        Html.row(b, "Beta vs buy & hold", Html.num(bench.beta()));
        Html.row(b, "Correlation with buy & hold", Html.num(bench.correlation()));
        Html.row(b, "CAGR", Html.pct(m.cagr()));
        Html.row(b, "Sharpe (annualised, " + Math.round(m.periodsPerYear()) + " bars/yr)", Html.num(m.sharpe()));
        Html.row(b, "Sortino", Html.num(m.sortino()));
        Html.row(b, "Max drawdown", Html.pct(m.maxDrawdown()));
        Html.row(b, "Win rate", Html.pct(m.winRate()));
        Html.row(b, "Profit factor", Html.num(m.profitFactor()));
        Html.row(b, "Commission", CsvFiles.plain(r.totalCommission()));
        if (portfolio) {
            StringBuilder open = new StringBuilder();
            for (var p : r.openPositions())
                open.append(open.length() == 0 ? "" : ", ").append(p.instrument().symbol()).append(' ')
                    .append(CsvFiles.plain(p.quantity())).append(" @ ").append(CsvFiles.plain(p.averagePrice()));
            Html.row(b, "Open positions at end", open.length() == 0 ? "flat" : open.toString());
        } else {
            Html.row(b, "Open position at end", r.openPositions().isEmpty() ? "flat"
                : CsvFiles.plain(r.openPositions().get(0).quantity()) + " @ " + CsvFiles.plain(r.openPositions().get(0).averagePrice()));
        }
        Html.row(b, "Fills", r.config().fillMode().cliName() + ", slippage " + CsvFiles.plain(r.config().slippageBps()) + " bps"
            + ", intrabar path " + r.config().intrabar().cliName());
        Html.row(b, "Volatility (annualised)", Html.pct(x.volatility()));
        Html.row(b, "Max drawdown duration", x.drawdownBars() + " bars");
        Html.row(b, "Exposure (bars in a position)", Html.pct(x.exposure()));
        Html.row(b, "Average trade", Html.money(x.averageTrade()));
        Html.row(b, "Sharpe 95% " + x.sharpeCi().cliName() + " interval", Html.num(x.sharpeLow()) + " .. " + Html.num(x.sharpeHigh()));
        Html.row(b, "Deflated Sharpe (1 trial: P[true Sharpe > 0])", Html.num(x.deflatedSharpe()));
        if (pathRange != null) {
            for (Map.Entry<io.ibex.execution.IntrabarPath, BigDecimal> e : pathRange.netProfit().entrySet())
                Html.row(b, "Net profit, intrabar " + e.getKey().cliName(), CsvFiles.plain(e.getValue()));
            Html.row(b, "Path range (max − min)", CsvFiles.plain(pathRange.width()));
        }
    }

    private static void charts(StringBuilder b, BacktestResult r, Metrics m, long[] time, Benchmark bench, String currency) {
        int n = time.length;
        double[] dd = PerformanceMetrics.drawdowns(r.equity());
        double[] negDd = new double[n];
        for (int i = 0; i < n; i++) negDd[i] = -dd[i];
        String held = r.series().size() == 1 ? r.series().get(0).instrument().symbol() : "equal weights";
        b.append(SvgChart.render("Equity against buy and hold (" + held + ")", "equity (" + currency + ")", time,
            List.of(new SvgChart.Series("strategy", r.equity(), STRATEGY),
                new SvgChart.Series("buy & hold", bench.equity(), BENCHMARK)), false, 300, List.of()));
        b.append(SvgChart.render("Drawdown", "drawdown (% of peak)", time,
            List.of(new SvgChart.Series("drawdown", negDd, "#cf222e")), true, 180, List.of()));
        RollingStats roll = RollingStats.of(r.equity(), r.initialCash().doubleValue(), m.periodsPerYear());
        String window = " (trailing " + roll.window() + " bars, annualised)";
        b.append(SvgChart.render("Rolling Sharpe" + window, "Sharpe", time,
            List.of(new SvgChart.Series("Sharpe", roll.sharpe(), STRATEGY)), false, 200, List.of()));
        b.append(SvgChart.render("Rolling volatility" + window, "volatility (%)", time,
            List.of(new SvgChart.Series("volatility", roll.volatility(), "#6f42c1")), true, 200, List.of()));
        b.append(PriceCharts.render(r));
    }
}
