package io.ibex.backtest.report;

import io.ibex.backtest.BacktestResult;
import io.ibex.backtest.IntrabarPath;
import io.ibex.backtest.PathRange;
import io.ibex.backtest.PortfolioEngine;
import io.ibex.backtest.Trade;
import io.ibex.backtest.metrics.Metrics;
import io.ibex.backtest.metrics.PerformanceMetrics;
import io.ibex.framework.domain.Bars;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * report.html: one self-contained file (inline CSS and SVG, no scripts, nothing fetched) with the summary table, the
 * parameters and data source, and charts of equity, drawdown and price with trade entries and exits.
 */
public final class HtmlReport {
    /** Beyond this many trades the price chart shows no markers (they would hide the price). */
    private static final int MAX_MARKED_TRADES = 1000;

    private HtmlReport() {}

    /** Trades listed in the report's table; the rest are in trades.csv. */
    private static final int MAX_TABLE_TRADES = 200;

    public static String render(RunInfo info, BacktestResult r, Metrics m) { return render(info, r, m, null); }

    public static String render(RunInfo info, BacktestResult r, Metrics m, PathRange pathRange) {
        return render(info, r, m, pathRange, ExtraStatistics.of(r));
    }

    /** @param x the run's extra statistics, computed once for every output file */
    public static String render(RunInfo info, BacktestResult r, Metrics m, PathRange pathRange, ExtraStatistics x) {
        Bars bars = r.bars();
        int n = bars.size();
        long[] time = new long[n];
        double[] close = new double[n];
        for (int i = 0; i < n; i++) {
            time[i] = bars.time(i);
            close[i] = bars.close(i);
        }
        double[] dd = PerformanceMetrics.drawdowns(r.equity());
        double[] negDd = new double[n];
        for (int i = 0; i < n; i++) negDd[i] = -dd[i];
        List<SvgChart.Marker> markers = new ArrayList<>();
        boolean portfolio = PortfolioEngine.isPortfolio(r);
        String charted = PortfolioEngine.chartedSymbol(r); // a portfolio's price chart shows its first instrument only
        if (r.trades().size() <= MAX_MARKED_TRADES) {
            for (Trade t : r.trades()) {
                if (portfolio && !t.instrument().symbol().equals(charted)) continue;
                markers.add(new SvgChart.Marker(t.entryTimeMillis(), t.entryPrice().doubleValue(), "#1a7f37",
                    "enter " + t.direction() + " " + CsvFiles.plain(t.quantity()) + " @ " + CsvFiles.plain(t.entryPrice())
                        + " " + CsvFiles.iso(t.entryTimeMillis())));
                markers.add(new SvgChart.Marker(t.exitTimeMillis(), t.exitPrice().doubleValue(), "#cf222e",
                    "exit @ " + CsvFiles.plain(t.exitPrice()) + " " + CsvFiles.iso(t.exitTimeMillis()) + ", pnl "
                        + CsvFiles.plain(t.pnl())));
            }
        }
        if (!r.openPositions().isEmpty() && r.trades().size() < MAX_MARKED_TRADES
            && (!portfolio || r.openPositions().get(0).instrument().symbol().equals(charted))) {
            var open = r.openPositions().get(0);
            markers.add(new SvgChart.Marker(r.openSinceMillis(), open.averagePrice().doubleValue(), "#9a6700",
                "open " + CsvFiles.plain(open.quantity()) + " @ " + CsvFiles.plain(open.averagePrice()) + " since "
                    + CsvFiles.iso(r.openSinceMillis())));
        }
        String title = info.strategy() + " on " + info.data();
        StringBuilder b = new StringBuilder(64 * 1024);
        b.append("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\"><title>ibex backtest: ")
            .append(Html.escape(title)).append("</title>\n<style>")
            .append("body{font-family:sans-serif;margin:24px;color:#222;max-width:960px}")
            .append("table{border-collapse:collapse;margin:8px 0 16px}td,th{padding:3px 10px;border-bottom:1px solid #ddd;text-align:left}")
            .append("td.n{text-align:right;font-variant-numeric:tabular-nums}.t{font-size:13px;font-weight:bold}.l{font-size:11px;fill:#555}")
            .append(".a{stroke:#888}.g{stroke:#eee}svg{display:block;margin:8px 0}")
            .append("</style></head><body>\n");
        b.append("<h1>").append(Html.escape(title)).append("</h1>\n");
        b.append("<h2>Summary</h2>\n<table>");
        row(b, "Bars", Integer.toString(n));
        row(b, "Period (UTC)", n == 0 ? "" : CsvFiles.iso(time[0]) + " .. " + CsvFiles.iso(time[n - 1]));
        row(b, "Trades (closed round trips)", Integer.toString(r.trades().size()));
        row(b, "Initial cash", CsvFiles.plain(r.initialCash()));
        row(b, "Final equity", CsvFiles.plain(r.finalEquity().setScale(2, java.math.RoundingMode.HALF_EVEN)));   // cents, like the console
        row(b, "Total return", pct(m.totalReturn()));
        row(b, "CAGR", pct(m.cagr()));
        row(b, "Sharpe (annualised, " + Math.round(m.periodsPerYear()) + " bars/yr)", num(m.sharpe()));
        row(b, "Sortino", num(m.sortino()));
        row(b, "Max drawdown", pct(m.maxDrawdown()));
        row(b, "Win rate", pct(m.winRate()));
        row(b, "Profit factor", num(m.profitFactor()));
        row(b, "Commission", CsvFiles.plain(r.totalCommission()));
        if (portfolio) {
            StringBuilder open = new StringBuilder();
            for (var p : r.openPositions())
                open.append(open.length() == 0 ? "" : ", ").append(p.instrument().symbol()).append(' ')
                    .append(CsvFiles.plain(p.quantity())).append(" @ ").append(CsvFiles.plain(p.averagePrice()));
            row(b, "Open positions at end", open.length() == 0 ? "flat" : open.toString());
        } else {
            row(b, "Open position at end", r.openPositions().isEmpty() ? "flat"
                : CsvFiles.plain(r.openPositions().get(0).quantity()) + " @ " + CsvFiles.plain(r.openPositions().get(0).averagePrice()));
        }
        row(b, "Fills", r.config().fillMode().cliName() + ", slippage " + CsvFiles.plain(r.config().slippageBps()) + " bps"
            + ", intrabar path " + r.config().intrabar().cliName());
        row(b, "Volatility (annualised)", pct(x.volatility()));
        row(b, "Max drawdown duration", x.drawdownBars() + " bars");
        row(b, "Exposure (bars in a position)", pct(x.exposure()));
        row(b, "Average trade", num(x.averageTrade()));
        row(b, "Sharpe 95% " + x.sharpeCi().cliName() + " interval", num(x.sharpeLow()) + " .. " + num(x.sharpeHigh()));
        row(b, "Deflated Sharpe (1 trial: P[true Sharpe > 0])", num(x.deflatedSharpe()));
        if (pathRange != null) {
            for (Map.Entry<IntrabarPath, BigDecimal> e : pathRange.netProfit().entrySet())
                row(b, "Net profit, intrabar " + e.getKey().cliName(), CsvFiles.plain(e.getValue()));
            row(b, "Path range (max − min)", CsvFiles.plain(pathRange.width()));
        }
        b.append("</table>\n<h2>Run</h2>\n<table>");
        row(b, "Strategy", info.strategy() + " (version " + info.strategyVersion() + ")");
        for (Map.Entry<String, String> e : info.params().entrySet()) row(b, "Parameter " + e.getKey(), e.getValue());
        row(b, "Data source", info.data());
        row(b, "Instrument", bars.instrument().symbol() + " (" + bars.instrument().currency() + ")");
        for (Map.Entry<String, String> e : info.plugins().entrySet()) row(b, "Plugin " + e.getKey(), "SHA-256 " + e.getValue());
        b.append("</table>\n<h2>Charts</h2>\n");
        b.append(SvgChart.render("Equity", time, r.equity(), 900, 240, "#0969da", false, List.of()));
        b.append(SvgChart.render("Drawdown", time, negDd, 900, 160, "#cf222e", true, List.of()));
        b.append(SvgChart.render((portfolio ? "Price of " + charted + " (close; last close where it has no bar)" : "Price (close)") + " with entries (green), exits (red) and the open position (amber)", time, close, 900, 300, "#444", false, markers));
        if (r.trades().size() > MAX_MARKED_TRADES)
            b.append("<p>").append(r.trades().size()).append(" trades: too many to mark on the price chart; see trades.csv.</p>");
        b.append("<h2>Trades</h2>\n<table class=\"trades\"><tr><th>#</th><th>side</th><th>qty</th><th>entry (UTC)</th>")
            .append("<th>entry price</th><th>exit (UTC)</th><th>exit price</th><th>pnl</th><th>commission</th>")
            .append(portfolio ? "<th>symbol</th></tr>" : "</tr>");
        for (int k = 0; k < Math.min(MAX_TABLE_TRADES, r.trades().size()); k++) {
            Trade t = r.trades().get(k);
            b.append("<tr><td class=\"n\">").append(k + 1).append("</td><td>").append(t.direction())
                .append("</td><td class=\"n\">").append(CsvFiles.plain(t.quantity()))
                .append("</td><td>").append(CsvFiles.iso(t.entryTimeMillis()))
                .append("</td><td class=\"n\">").append(CsvFiles.plain(t.entryPrice()))
                .append("</td><td>").append(CsvFiles.iso(t.exitTimeMillis()))
                .append("</td><td class=\"n\">").append(CsvFiles.plain(t.exitPrice()))
                .append("</td><td class=\"n\">").append(CsvFiles.plain(t.pnl()))
                .append("</td><td class=\"n\">").append(CsvFiles.plain(t.commission()))
                .append(portfolio ? "</td><td>" + Html.escape(t.instrument().symbol()) + "</td></tr>" : "</td></tr>");
        }
        b.append("</table>\n");
        if (r.trades().size() > MAX_TABLE_TRADES)
            b.append("<p>First ").append(MAX_TABLE_TRADES).append(" of ").append(r.trades().size()).append(" trades; all are in trades.csv.</p>\n");
        b.append("<p>Files: summary.json, trades.csv, orders.csv, equity.csv.</p>\n</body></html>\n");
        return b.toString();
    }

    private static void row(StringBuilder b, String k, String v) {
        b.append("<tr><th>").append(Html.escape(k)).append("</th><td class=\"n\">").append(Html.escape(v)).append("</td></tr>");
    }

    static String pct(double v) { return Double.isFinite(v) ? String.format(Locale.ROOT, "%.2f%%", v * 100) : "n/a"; }

    static String num(double v) { return Double.isFinite(v) ? String.format(Locale.ROOT, "%.3f", v) : "n/a"; }
}
