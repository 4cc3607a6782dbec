package io.ibex.backtest.report;

import java.util.List;
import java.util.Locale;

/**
 * An inline-SVG line chart that scales to the page width: one or more series over a time axis, round ticks on both
 * axes, axis titles, a legend, markers with a {@code <title>} each, and a {@code data-hover} sample that
 * {@link HoverScript} reads to show the values under the pointer. Nothing is fetched.
 */
public final class SvgChart {
    /** One line; {@code y} has one value per time (NaN leaves a gap, e.g. before a rolling window fills). */
    public record Series(String name, double[] y, String color) {}

    /** A point drawn on top of the lines, e.g. a trade entry. */
    public record Marker(long x, double y, String color, String label) {}

    static final int WIDTH = 1200;
    /** More points than this are reduced to each bucket's first, min and max, so a chart of 5M bars stays small. */
    private static final int MAX_BUCKETS = 1000;
    /** Points of the hover sample: finer than a pointer can tell apart on a 1200-unit-wide chart. */
    private static final int HOVER_POINTS = 600;
    private static final int PAD_LEFT = 86, PAD_RIGHT = 16, PAD_TOP = 28, PAD_BOTTOM = 40;

    private SvgChart() {}

    /**
     * @param yTitle  the value axis title with its unit, e.g. {@code Equity (USD)}
     * @param percent values are fractions shown as percentages
     */
    public static String render(String title, String yTitle, long[] x, List<Series> series, boolean percent, int height,
                                List<Marker> markers) {
        int n = x.length;
        StringBuilder b = new StringBuilder(48 * 1024);
        b.append("<svg class=\"chart\" viewBox=\"0 0 ").append(WIDTH).append(' ')
            .append(height).append("\" role=\"img\"");
        double lo = Double.POSITIVE_INFINITY, hi = Double.NEGATIVE_INFINITY;
        for (Series s : series)
            for (double v : s.y()) {
                if (v < lo) lo = v;
                if (v > hi) hi = v;
            }
        for (Marker m : markers) {
            lo = Math.min(lo, m.y());
            hi = Math.max(hi, m.y());
        }
        boolean empty = n == 0 || !(hi >= lo);
        if (!empty) hover(b, x, series, percent);
        b.append('>');
        b.append("<title>").append(Html.escape(title)).append("</title>");
        b.append("<text x=\"").append(PAD_LEFT).append("\" y=\"18\" class=\"t\">").append(Html.escape(title)).append("</text>");
        legend(b, series);
        if (empty) return b.append("<text x=\"").append(PAD_LEFT).append("\" y=\"48\" class=\"l\">no data</text></svg>").toString();
        ValueAxis axis = ValueAxis.of(lo, hi);
        long minX = x[0], maxX = Math.max(x[n - 1], x[0] + 1);
        double plotW = WIDTH - PAD_LEFT - PAD_RIGHT, plotH = height - PAD_TOP - PAD_BOTTOM;
        Scale s = new Scale(minX, maxX, axis.min(), axis.max(), plotW, plotH);
        for (int k = 0; k < axis.ticks(); k++) {
            double v = axis.tick(k), py = s.y(v);
            b.append("<line x1=\"").append(PAD_LEFT).append("\" y1=\"").append(fmt(py)).append("\" x2=\"").append(fmt(PAD_LEFT + plotW))
                .append("\" y2=\"").append(fmt(py)).append("\" class=\"g\"/>");
            b.append("<text x=\"").append(PAD_LEFT - 6).append("\" y=\"").append(fmt(py + 4)).append("\" class=\"l yt\" text-anchor=\"end\">")
                .append(axis.label(v, percent)).append("</text>");
        }
        b.append("<line x1=\"").append(PAD_LEFT).append("\" y1=\"").append(fmt(PAD_TOP + plotH)).append("\" x2=\"")
            .append(fmt(PAD_LEFT + plotW)).append("\" y2=\"").append(fmt(PAD_TOP + plotH)).append("\" class=\"a\"/>");
        for (TimeAxis.Tick t : TimeAxis.ticks(minX, maxX)) {
            double px = PAD_LEFT + s.x(t.millis());
            b.append("<line x1=\"").append(fmt(px)).append("\" y1=\"").append(fmt(PAD_TOP + plotH)).append("\" x2=\"").append(fmt(px))
                .append("\" y2=\"").append(fmt(PAD_TOP + plotH + 4)).append("\" class=\"a\"/>");
            b.append("<text x=\"").append(fmt(px)).append("\" y=\"").append(fmt(PAD_TOP + plotH + 17))
                .append("\" class=\"l xt\" text-anchor=\"middle\">").append(Html.escape(t.label())).append("</text>");
        }
        b.append("<text x=\"").append(fmt(PAD_LEFT + plotW)).append("\" y=\"").append(height - 4)
            .append("\" class=\"l at\" text-anchor=\"end\">time (UTC)</text>");
        b.append("<text transform=\"translate(14,").append(fmt(PAD_TOP + plotH / 2)).append(") rotate(-90)\" class=\"l at\" text-anchor=\"middle\">")
            .append(Html.escape(yTitle)).append("</text>");
        for (Series line : series) polyline(b, s, x, line);
        for (Marker m : markers) {
            b.append("<circle cx=\"").append(fmt(PAD_LEFT + s.x(m.x()))).append("\" cy=\"").append(fmt(s.y(m.y())))
                .append("\" r=\"3.5\" fill=\"").append(m.color()).append("\"><title>").append(Html.escape(m.label()))
                .append("</title></circle>");
        }
        return b.append("</svg>\n").toString();
    }

    private static void legend(StringBuilder b, List<Series> series) {
        if (series.size() < 2) return;
        int right = WIDTH - PAD_RIGHT;
        for (int k = series.size() - 1; k >= 0; k--) {
            Series s = series.get(k);
            b.append("<text x=\"").append(right).append("\" y=\"18\" class=\"l lg\" text-anchor=\"end\">").append(Html.escape(s.name())).append("</text>");
            int textWidth = 7 * s.name().length();   // ~7 units per character of the 12-unit legend font
            b.append("<rect x=\"").append(right - textWidth - 16).append("\" y=\"9\" width=\"12\" height=\"10\" fill=\"")
                .append(s.color()).append("\"/>");
            right -= textWidth + 32;
        }
    }

    /** One polyline per run of finite values, reduced to first/min/max per bucket. */
    private static void polyline(StringBuilder b, Scale s, long[] x, Series line) {
        double[] y = line.y();
        int n = y.length;
        int bucket = Math.max(1, (n + MAX_BUCKETS - 1) / MAX_BUCKETS);
        boolean open = false;
        for (int start = 0; start < n; start += bucket) {
            int end = Math.min(n, start + bucket);
            int lo = -1, hi = -1;
            for (int i = start; i < end; i++) {
                if (!Double.isFinite(y[i])) continue;
                if (lo < 0 || y[i] < y[lo]) lo = i;
                if (hi < 0 || y[i] > y[hi]) hi = i;
            }
            if (lo < 0) {
                if (open) b.append("\"/>");
                open = false;
                continue;
            }
            if (!open) {
                b.append("<polyline fill=\"none\" stroke=\"").append(line.color()).append("\" stroke-width=\"1.4\" points=\"");
                open = true;
            }
            int first = Math.min(lo, hi), second = Math.max(lo, hi);
            point(b, s, x[first], y[first]);
            if (second != first) point(b, s, x[second], y[second]);
        }
        if (open) {
            if (Double.isFinite(y[n - 1])) point(b, s, x[n - 1], y[n - 1]);
            b.append("\"/>");
        }
    }

    /** {@code data-hover}: a uniform sample of times and values, and where the plot sits, as JSON. */
    private static void hover(StringBuilder b, long[] x, List<Series> series, boolean percent) {
        int n = x.length;
        int step = Math.max(1, (n + HOVER_POINTS - 1) / HOVER_POINTS);
        StringBuilder j = new StringBuilder(16 * 1024);
        j.append("{\"l\":").append(PAD_LEFT).append(",\"w\":").append(WIDTH - PAD_LEFT - PAD_RIGHT).append(",\"W\":").append(WIDTH)
            .append(",\"x0\":").append(x[0]).append(",\"x1\":").append(Math.max(x[n - 1], x[0] + 1))
            .append(",\"p\":").append(percent).append(",\"x\":[");
        for (int i = 0; i < n; i += step) j.append(i == 0 ? "" : ",").append(x[i]);
        j.append("],\"s\":[");
        for (int k = 0; k < series.size(); k++) {
            Series s = series.get(k);
            j.append(k == 0 ? "" : ",").append("{\"n\":").append(Json.string(s.name())).append(",\"y\":[");
            for (int i = 0; i < n; i += step) {
                double v = s.y()[i];
                j.append(i == 0 ? "" : ",").append(Double.isFinite(v) ? String.format(Locale.ROOT, "%.10g", v) : "null");
            }
            j.append("]}");
        }
        j.append("]}");
        b.append(" data-hover=\"").append(Html.escape(j.toString())).append('"');
    }

    private static void point(StringBuilder b, Scale s, long x, double y) {
        b.append(fmt(PAD_LEFT + s.x(x))).append(',').append(fmt(s.y(y))).append(' ');
    }

    private record Scale(long minX, long maxX, double minY, double maxY, double w, double h) {
        double x(long t) { return (double) (t - minX) / (maxX - minX) * w; }
        double y(double v) { return PAD_TOP + (maxY - v) / (maxY - minY) * h; }
    }

    /** A coordinate to 0.1 unit; coordinates lie in 0..1200, where Double.toString never uses an exponent. */
    static String fmt(double v) { return Double.toString(Math.round(v * 10) / 10.0); }
}
