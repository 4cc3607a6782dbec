package io.ibex.backtest.sweep;

import java.util.List;

/**
 * {@code sweep.html}: one self-contained page (no network): the overfitting numbers, a heatmap of the {@code --rank-by}
 * column when the grid has exactly two parameters, the walk-forward windows if any, and every row in a table sorted by
 * clicking a header.
 */
final class SweepHtml {
    private SweepHtml() {}

    static String render(String title, List<String> names, List<GridAxis> axes, List<SweepRow> rows, RankBy rankBy,
                         Overfitting o, WalkForward.Result wf) {
        StringBuilder b = new StringBuilder(8192);
        b.append("<!DOCTYPE html><html><head><meta charset=\"utf-8\"><title>").append(esc(title)).append("</title><style>")
            .append("body{font:14px sans-serif;margin:2em}table{border-collapse:collapse}td,th{border:1px solid #ccc;")
            .append("padding:2px 6px;text-align:right}th{cursor:pointer;background:#eee}.heat td{min-width:3em}")
            .append("</style></head><body><h1>").append(esc(title)).append("</h1>");
        b.append("<h2>Overfitting</h2><table id=\"overfitting\">");
        row(b, "parameter sets run", Integer.toString(o.trials()));
        row(b, "return periods (bars each)", o.periods() + " (" + o.barsPerPeriod() + ")");
        row(b, "PBO (CSCV, S=" + o.partitions() + ")", fmt(o.pbo()));
        row(b, "best by " + rankBy.column(), esc(o.bestParams().toString()));
        row(b, "deflated Sharpe ratio of the best", fmt(o.deflatedSharpe()));
        for (String n : o.notes()) row(b, "note", esc(n));
        b.append("</table>");
        if (axes.size() == 2) heatmap(b, axes, rows, rankBy);
        if (wf != null) walkForward(b, names, wf);
        b.append("<h2>All parameter sets</h2><table id=\"rows\"><thead><tr>");
        String[] header = SweepCsv.header(names).split(",");
        for (int i = 0; i < header.length; i++) b.append("<th onclick=\"sortBy(").append(i).append(")\">").append(esc(header[i])).append("</th>");
        b.append("</tr></thead><tbody>");
        String[] lines = SweepCsv.render(names, rows).split("\n");
        for (int l = 1; l < lines.length; l++) {
            b.append("<tr>");
            for (String cell : lines[l].split(",", -1)) b.append("<td>").append(esc(cell)).append("</td>");
            b.append("</tr>");
        }
        b.append("</tbody></table><script>var dir={};function sortBy(c){var t=document.getElementById('rows').tBodies[0];")
            .append("var r=Array.from(t.rows);dir[c]=-(dir[c]||-1);r.sort(function(a,b){var x=parseFloat(a.cells[c].textContent),")
            .append("y=parseFloat(b.cells[c].textContent);if(isNaN(x))return 1;if(isNaN(y))return -1;return (x-y)*dir[c];});")
            .append("r.forEach(function(e){t.appendChild(e);});}</script></body></html>\n");
        return b.toString();
    }

    private static void heatmap(StringBuilder b, List<GridAxis> axes, List<SweepRow> rows, RankBy rankBy) {
        GridAxis ya = axes.get(0), xa = axes.get(1);
        double[][] v = new double[ya.values().size()][xa.values().size()];
        for (double[] line : v) java.util.Arrays.fill(line, Double.NaN);
        double lo = Double.POSITIVE_INFINITY, hi = Double.NEGATIVE_INFINITY;
        int cols = xa.values().size();
        for (SweepRow r : rows) {
            if (!r.ran()) continue;
            double x = rankBy.value(r);
            v[r.gridIndex() / cols][r.gridIndex() % cols] = x;
            if (Double.isFinite(x)) { lo = Math.min(lo, x); hi = Math.max(hi, x); }
        }
        b.append("<h2>Heatmap: ").append(esc(rankBy.column())).append("</h2><table class=\"heat\" id=\"heatmap\"><tr><th>")
            .append(esc(ya.name())).append(" \\ ").append(esc(xa.name())).append("</th>");
        for (String x : xa.values()) b.append("<th>").append(esc(x)).append("</th>");
        b.append("</tr>");
        for (int i = 0; i < v.length; i++) {
            b.append("<tr><th>").append(esc(ya.values().get(i))).append("</th>");
            for (int j = 0; j < v[i].length; j++) {
                double x = v[i][j];
                if (!Double.isFinite(x)) { b.append("<td style=\"background:#f4f4f4\"></td>"); continue; }
                double f = hi > lo ? (x - lo) / (hi - lo) : 0.5;
                if (!rankBy.higherIsBetter()) f = 1 - f;
                int red = (int) Math.round(230 * (1 - f) + 40 * f), green = (int) Math.round(60 * (1 - f) + 190 * f);
                b.append("<td style=\"background:rgb(").append(red).append(',').append(green).append(",90)\" title=\"")
                    .append(esc(ya.name() + "=" + ya.values().get(i) + " " + xa.name() + "=" + xa.values().get(j)))
                    .append("\">").append(SweepCsv.ratio(x)).append("</td>");
            }
            b.append("</tr>");
        }
        b.append("</table>");
    }

    private static void walkForward(StringBuilder b, List<String> names, WalkForward.Result wf) {
        b.append("<h2>Walk-forward</h2><p>Stitched out-of-sample return: ").append(SweepCsv.ratio(wf.oosReturn()))
            .append("</p><table id=\"walk-forward\"><tr><th>window</th><th>test</th><th>params</th><th>oos_return</th></tr>");
        for (WalkForwardWindow w : wf.windows()) {
            b.append("<tr><td>").append(w.window()).append("</td><td>").append(WalkForwardCsv.iso(w.testStartMillis()))
                .append(" .. ").append(WalkForwardCsv.iso(w.testEndMillis())).append("</td><td>");
            for (String n : names) b.append(esc(n)).append('=').append(esc(w.params().getOrDefault(n, "-"))).append(' ');
            b.append("</td><td>").append(SweepCsv.ratio(w.oosReturn())).append("</td></tr>");
        }
        b.append("</table>");
    }

    private static void row(StringBuilder b, String k, String v) {
        b.append("<tr><th>").append(esc(k)).append("</th><td>").append(v).append("</td></tr>");
    }

    private static String fmt(double v) { return Double.isFinite(v) ? SweepCsv.ratio(v) : "n/a"; }

    static String esc(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
