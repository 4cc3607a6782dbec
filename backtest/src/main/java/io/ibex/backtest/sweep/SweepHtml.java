package io.ibex.backtest.sweep;

import io.ibex.backtest.report.DivergingPalette;
import io.ibex.backtest.report.HoverScript;
import io.ibex.backtest.report.Html;
import io.ibex.backtest.report.SvgChart;

import java.math.BigDecimal;
import java.util.List;
import java.util.Locale;

/**
 * {@code sweep.html}: one self-contained page (no network): the overfitting numbers, a heatmap of the {@code --rank-by}
 * column with each cell's trade count when the grid has exactly two parameters, the walk-forward windows with the
 * stitched out-of-sample equity chart and in-sample against out-of-sample scores if any, and every row in a table
 * sorted by clicking a header.
 */
final class SweepHtml {
    private static final String CSS = "body{font:14px sans-serif;margin:24px;color:#222}table{border-collapse:collapse;margin:8px 0 16px}"
        + "td,th{border:1px solid #ccc;padding:3px 8px;text-align:right;font-variant-numeric:tabular-nums}"
        + "th{background:#eee}#rows th{cursor:pointer}.heat td{min-width:5.5em;line-height:1.25}.heat td small{display:block;font-size:11px;opacity:.8}"
        + ".heat td.skip{background:#fff;color:#999}.heat td.best{outline:3px solid #111;outline-offset:-3px}"
        + ".t{font-size:15px;font-weight:bold}.l{font-size:12px;fill:#444}.at{fill:#666;font-style:italic}.a{stroke:#888}.g{stroke:#e6e6e6}"
        + ".cursor{stroke:#999;stroke-dasharray:3 3}svg.chart{display:block;width:100%;height:auto;margin:8px 0 18px}"
        + ".tip{position:absolute;background:#fff;border:1px solid #999;padding:4px 8px;font-size:12px;pointer-events:none}"
        + DivergingPalette.CSS;

    private SweepHtml() {}

    static String render(String title, List<String> names, List<GridAxis> axes, List<SweepRow> rows, RankBy rankBy,
                         Overfitting o, WalkForward.Result wf) {
        return render(title, "", names, axes, rows, rankBy, o, wf);
    }

    /** @param currency of the equity axis of the walk-forward chart; empty when unknown */
    static String render(String title, String currency, List<String> names, List<GridAxis> axes, List<SweepRow> rows,
                         RankBy rankBy, Overfitting o, WalkForward.Result wf) {
        StringBuilder b = new StringBuilder(16 * 1024);
        b.append("<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>").append(esc(title)).append("</title><style>")
            .append(CSS).append("</style></head><body><h1>").append(esc(title)).append("</h1>");
        b.append("<h2>Overfitting</h2><table id=\"overfitting\">");
        row(b, "parameter sets run", Integer.toString(o.trials()));
        row(b, "return periods (bars each)", o.periods() + " (" + o.barsPerPeriod() + ")");
        row(b, "PBO (CSCV, S=" + o.partitions() + ")", Html.pct(o.pbo()));
        row(b, "best by " + rankBy.column(), esc(o.bestParams().toString()));
        row(b, "deflated Sharpe ratio of the best", fixed(o.deflatedSharpe(), 3));
        for (String n : o.notes()) row(b, "note", esc(n));
        b.append("</table>");
        if (axes.size() == 2) heatmap(b, axes, rows, rankBy, rankBy.best(rows));
        if (wf != null) walkForward(b, names, wf, rankBy, currency);
        table(b, names, rows);
        b.append("<script>var dir={};function sortBy(c){var t=document.getElementById('rows').tBodies[0];")
            .append("var r=Array.from(t.rows);dir[c]=-(dir[c]||-1);r.sort(function(a,b){var x=parseFloat(a.cells[c].dataset.v),")
            .append("y=parseFloat(b.cells[c].dataset.v);if(isNaN(x))return 1;if(isNaN(y))return -1;return (x-y)*dir[c];});")
            .append("r.forEach(function(e){t.appendChild(e);});}</script>").append(HoverScript.TAG).append("</body></html>\n");
        return b.toString();
    }

    private static void heatmap(StringBuilder b, List<GridAxis> axes, List<SweepRow> rows, RankBy rankBy, int best) {
        GridAxis ya = axes.get(0), xa = axes.get(1);
        int cols = xa.values().size();
        SweepRow[][] cell = new SweepRow[ya.values().size()][cols];
        double lo = Double.POSITIVE_INFINITY, hi = Double.NEGATIVE_INFINITY;
        for (SweepRow r : rows) {
            cell[r.gridIndex() / cols][r.gridIndex() % cols] = r;
            double x = r.ran() ? rankBy.value(r) : Double.NaN;
            if (Double.isFinite(x)) { lo = Math.min(lo, x); hi = Math.max(hi, x); }
        }
        // diverging around 0 when the values straddle it (a loss against a gain), else around the middle of the range
        double mid = lo < 0 && hi > 0 ? 0 : (lo + hi) / 2, half = Math.max(hi - mid, mid - lo);
        b.append("<h2>Heatmap: ").append(esc(rankBy.column())).append(" (trades below each value)</h2><table class=\"heat\" id=\"heatmap\"><tr><th>")
            .append(esc(ya.name())).append(" \\ ").append(esc(xa.name())).append("</th>");
        for (String x : xa.values()) b.append("<th>").append(esc(x)).append("</th>");
        b.append("</tr>");
        for (int i = 0; i < cell.length; i++) {
            b.append("<tr><th>").append(esc(ya.values().get(i))).append("</th>");
            for (int j = 0; j < cols; j++) {
                SweepRow r = cell[i][j];
                String where = ya.name() + "=" + ya.values().get(i) + " " + xa.name() + "=" + xa.values().get(j);
                double x = r != null && r.ran() ? rankBy.value(r) : Double.NaN;
                if (r == null || !r.ran()) {
                    b.append("<td class=\"skip\" title=\"").append(esc(where + (r == null ? "" : ": " + r.skipped()))).append("\">skipped</td>");
                    continue;
                }
                double f = half > 0 && Double.isFinite(x) ? (x - mid) / half : 0;
                if (!rankBy.higherIsBetter()) f = -f;
                b.append("<td").append(rows.indexOf(r) == best ? " class=\"best\"" : "").append(" style=\"")
                    .append(Double.isFinite(x) ? DivergingPalette.style(f) : "background:#eee").append("\" title=\"")
                    .append(esc(where)).append("\">").append(value(rankBy, x)).append("<small>").append(r.trades())
                    .append(r.trades() == 1 ? " trade" : " trades").append("</small></td>");
            }
            b.append("</tr>");
        }
        b.append("</table>");
        if (half > 0) {
            String worse = value(rankBy, rankBy.higherIsBetter() ? mid - half : mid + half);
            String better = value(rankBy, rankBy.higherIsBetter() ? mid + half : mid - half);
            b.append(DivergingPalette.legend("worse " + worse, value(rankBy, mid), "better " + better));
        }
    }

    private static void walkForward(StringBuilder b, List<String> names, WalkForward.Result wf, RankBy rankBy, String currency) {
        double[] oos = WalkForwardScores.outOfSample(wf, rankBy);
        double[] is = new double[oos.length];
        for (int k = 0; k < is.length; k++) is[k] = wf.windows().get(k).trainScore();
        b.append("<h2>Walk-forward</h2><p>Stitched out-of-sample return: <b>").append(Html.pct(wf.oosReturn()))
            .append("</b>. Mean ").append(esc(rankBy.column())).append(" in sample ").append(value(rankBy, WalkForwardScores.mean(is)))
            .append(", out of sample ").append(value(rankBy, WalkForwardScores.mean(oos))).append(".</p>");
        b.append(SvgChart.render("Stitched out-of-sample equity (" + wf.windows().size() + " test windows)",
            currency.isEmpty() ? "equity" : "equity (" + currency + ")", wf.time(),
            List.of(new SvgChart.Series("out of sample", wf.equity(), "#2166ac")), false, 280, List.of()));
        b.append("<table id=\"walk-forward\"><tr><th>window</th><th>train</th><th>test</th><th>params</th><th>in-sample ")
            .append(esc(rankBy.column())).append("</th><th>out-of-sample ").append(esc(rankBy.column()))
            .append("</th><th>oos_return</th></tr>");
        for (int k = 0; k < wf.windows().size(); k++) {
            WalkForwardWindow w = wf.windows().get(k);
            b.append("<tr><td>").append(w.window()).append("</td><td>").append(Html.time(w.trainStartMillis())).append(" .. ")
                .append(Html.time(w.trainEndMillis())).append("</td><td>").append(Html.time(w.testStartMillis()))
                .append(" .. ").append(Html.time(w.testEndMillis())).append("</td><td>");
            for (String n : names) b.append(esc(n)).append('=').append(esc(w.params().getOrDefault(n, "-"))).append(' ');
            b.append("</td><td class=\"is\">").append(value(rankBy, w.trainScore())).append("</td><td class=\"oos\">")
                .append(value(rankBy, oos[k])).append("</td><td>").append(Html.pct(w.oosReturn())).append("</td></tr>");
        }
        b.append("</table>");
    }

    private static void table(StringBuilder b, List<String> names, List<SweepRow> rows) {
        b.append("<h2>All parameter sets</h2><p>Click a header to sort.</p><table id=\"rows\"><thead><tr>");
        String[] header = SweepCsv.header(names).split(",");
        for (int i = 0; i < header.length; i++) b.append("<th onclick=\"sortBy(").append(i).append(")\">").append(esc(header[i])).append("</th>");
        b.append("</tr></thead><tbody>");
        for (SweepRow r : rows) {
            if (!r.ran()) continue;
            b.append("<tr>");
            for (String p : names) cell(b, r.params().get(p), r.params().get(p));
            cell(b, Integer.toString(r.trades()), Integer.toString(r.trades()));
            double[] pcts = {r.totalReturn(), r.cagr()};
            for (double v : pcts) cell(b, raw(v), Html.pct(v));
            cell(b, raw(r.sharpe()), fixed(r.sharpe(), 2));
            cell(b, raw(r.sortino()), fixed(r.sortino(), 2));
            cell(b, raw(r.maxDrawdown()), Html.pct(r.maxDrawdown()));
            cell(b, raw(r.winRate()), Html.pct(r.winRate()));
            cell(b, raw(r.profitFactor()), fixed(r.profitFactor(), 2));
            cell(b, money(r.finalEquity(), false), money(r.finalEquity(), true));
            cell(b, money(r.commission(), false), money(r.commission(), true));
            b.append("</tr>");
        }
        b.append("</tbody></table>");
    }

    /** A cell sorted by {@code raw} and showing {@code shown}. */
    private static void cell(StringBuilder b, String raw, String shown) {
        b.append("<td data-v=\"").append(esc(raw)).append("\">").append(esc(shown)).append("</td>");
    }

    /** How {@code rankBy}'s values read: returns, drawdown and win rate as percentages, ratios with two decimals. */
    static String value(RankBy rankBy, double v) {
        return switch (rankBy) {
            case TOTAL_RETURN, CAGR, MAX_DRAWDOWN, WIN_RATE -> Html.pct(v);
            case SHARPE, SORTINO, PROFIT_FACTOR -> fixed(v, 2);
        };
    }

    private static String fixed(double v, int decimals) {
        return Double.isFinite(v) ? String.format(Locale.ROOT, "%." + decimals + "f", v) : "n/a";
    }

    private static String raw(double v) { return Double.isFinite(v) ? Double.toString(v) : ""; }

    private static String money(BigDecimal v, boolean grouped) {
        if (v == null) return "";
        return grouped ? String.format(Locale.ROOT, "%,.2f", v) : v.toPlainString();
    }

    private static void row(StringBuilder b, String k, String v) {
        b.append("<tr><th>").append(esc(k)).append("</th><td>").append(v).append("</td></tr>");
    }

    static String esc(String s) { return Html.escape(s); }
}
