package io.ibex.backtest.report;

import io.ibex.backtest.BacktestResult;
import io.ibex.execution.Trade;
import io.ibex.framework.domain.Bars;
import io.ibex.framework.domain.Position;

import java.math.BigDecimal;
import java.util.List;

/** A portfolio run's table of one row per instrument: its trades, win rate, net P&amp;L, commission, open position and buy and hold. */
final class SymbolBreakdown {
    private SymbolBreakdown() {}

    static String html(BacktestResult r, List<TradeDetails> details) {
        StringBuilder b = new StringBuilder(2048);
        b.append("<table id=\"symbols\"><tr><th>symbol</th><th>bars</th><th>trades</th><th>win rate</th><th>net P&amp;L</th>")
            .append("<th>commission</th><th>avg trade return</th><th>open at end</th><th>buy &amp; hold</th></tr>");
        for (Bars s : r.series()) {
            String symbol = s.instrument().symbol();
            int trades = 0, wins = 0;
            BigDecimal pnl = BigDecimal.ZERO, commission = BigDecimal.ZERO;
            double returns = 0;
            for (int k = 0; k < r.trades().size(); k++) {
                Trade t = r.trades().get(k);
                if (!t.instrument().symbol().equals(symbol)) continue;
                trades++;
                if (t.pnl().signum() > 0) wins++;
                pnl = pnl.add(t.pnl());
                commission = commission.add(t.commission());
                returns += details.get(k).returnPct();
            }
            String open = "flat";
            for (Position p : r.openPositions())
                if (p.instrument().symbol().equals(symbol)) open = CsvFiles.plain(p.quantity()) + " @ " + CsvFiles.plain(p.averagePrice());
            b.append("<tr><td>").append(Html.escape(symbol)).append("</td><td class=\"n\">").append(s.size())
                .append("</td><td class=\"n\">").append(trades)
                .append("</td><td class=\"n\">").append(trades == 0 ? "n/a" : Html.pct((double) wins / trades))
                .append("</td><td class=\"n\">").append(Html.money(pnl.doubleValue()))
                .append("</td><td class=\"n\">").append(Html.money(commission.doubleValue()))
                .append("</td><td class=\"n\">").append(trades == 0 ? "n/a" : Html.pct(returns / trades))
                .append("</td><td class=\"n\">").append(Html.escape(open))
                .append("</td><td class=\"n\">").append(s.size() == 0 ? "n/a" : Html.pct(s.close(s.size() - 1) / s.close(0) - 1))
                .append("</td></tr>");
        }
        return b.append("</table>\n").toString();
    }
}
