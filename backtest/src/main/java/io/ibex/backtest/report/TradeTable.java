package io.ibex.backtest.report;

import io.ibex.backtest.BacktestResult;
import io.ibex.execution.Trade;

import java.util.List;

/** The report's table of the first {@value #MAX_ROWS} trades with their {@link TradeDetails}; all are in trades.csv. */
final class TradeTable {
    static final int MAX_ROWS = 200;

    private TradeTable() {}

    static String html(BacktestResult r, List<TradeDetails> details, boolean portfolio) {
        StringBuilder b = new StringBuilder(32 * 1024);
        b.append("<table class=\"trades\"><tr><th>#</th>").append(portfolio ? "<th>symbol</th>" : "")
            .append("<th>side</th><th>qty</th><th>entry (UTC)</th><th>entry price</th><th>exit (UTC)</th><th>exit price</th>")
            .append("<th>held</th><th>pnl</th><th>return</th><th>MAE</th><th>MFE</th><th>exit</th><th>commission</th></tr>");
        for (int k = 0; k < Math.min(MAX_ROWS, r.trades().size()); k++) {
            Trade t = r.trades().get(k);
            TradeDetails d = details.get(k);
            b.append("<tr><td class=\"n\">").append(k + 1).append("</td>");
            if (portfolio) b.append("<td>").append(Html.escape(t.instrument().symbol())).append("</td>");
            b.append("<td>").append(t.direction())
                .append("</td><td class=\"n\">").append(CsvFiles.plain(t.quantity()))
                .append("</td><td>").append(Html.time(t.entryTimeMillis()))
                .append("</td><td class=\"n\">").append(CsvFiles.plain(t.entryPrice()))
                .append("</td><td>").append(Html.time(t.exitTimeMillis()))
                .append("</td><td class=\"n\">").append(CsvFiles.plain(t.exitPrice()))
                .append("</td><td class=\"n\">").append(TradeDetails.holding(d.holdingMillis()))
                .append("</td><td class=\"n ").append(t.pnl().signum() < 0 ? "neg" : "pos").append("\">").append(Html.money(t.pnl().doubleValue()))
                .append("</td><td class=\"n\">").append(Html.pct(d.returnPct()))
                .append("</td><td class=\"n\">").append(Html.pct(d.mae()))
                .append("</td><td class=\"n\">").append(Html.pct(d.mfe()))
                .append("</td><td class=\"exit\">").append(d.exitReason())
                .append("</td><td class=\"n\">").append(CsvFiles.plain(t.commission()))
                .append("</td></tr>");
        }
        b.append("</table>\n");
        if (r.trades().size() > MAX_ROWS)
            b.append("<p>First ").append(MAX_ROWS).append(" of ").append(r.trades().size()).append(" trades; all are in trades.csv.</p>\n");
        return b.toString();
    }
}
