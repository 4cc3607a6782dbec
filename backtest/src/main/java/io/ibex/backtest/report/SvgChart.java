package io.ibex.backtest.report;

import java.util.List;
import java.util.Locale;

/** A small inline-SVG line chart: no scripts, no fonts or files from the network. */
final class SvgChart {
    /** A point drawn on top of the line, e.g. a trade entry. */
    record Marker(long x, double y, String color, String label) {}

    /** More points than this are reduced to each bucket's first, min and max, so a chart of 5M bars stays small. */
    private static final int MAX_BUCKETS = 800;
    private static final int PAD_LEFT = 70, PAD_RIGHT = 10, PAD_TOP = 24, PAD_BOTTOM = 22;

    private SvgChart() {}

    static String render(String title, long[] x, double[] y, int width, int height, String stroke, boolean percent,
                         List<Marker> markers) {
        int n = x.length;
        StringBuilder b = new StringBuilder(32 * 1024);
        b.append("<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"").append(width).append("\" height=\"").append(height)
            .append("\" viewBox=\"0 0 ").append(width).append(' ').append(height).append("\" role=\"img\">");
        b.append("<title>").append(Html.escape(title)).append("</title>");
        b.append("<text x=\"").append(PAD_LEFT).append("\" y=\"16\" class=\"t\">").append(Html.escape(title)).append("</text>");
        if (n == 0) return b.append("</svg>").toString();
        double minY = Double.POSITIVE_INFINITY, maxY = Double.NEGATIVE_INFINITY;
        for (double v : y) {
            if (v < minY) minY = v;
            if (v > maxY) maxY = v;
        }
        for (Marker m : markers) {
            minY = Math.min(minY, m.y());
            maxY = Math.max(maxY, m.y());
        }
        if (maxY == minY) { maxY += 1; minY -= 1; }
        long minX = x[0], maxX = Math.max(x[n - 1], x[0] + 1);
        double plotW = width - PAD_LEFT - PAD_RIGHT, plotH = height - PAD_TOP - PAD_BOTTOM;
        Scale s = new Scale(minX, maxX, minY, maxY, plotW, plotH);
        // axes and labels
        b.append("<line x1=\"").append(PAD_LEFT).append("\" y1=\"").append(PAD_TOP + plotH).append("\" x2=\"")
            .append(PAD_LEFT + plotW).append("\" y2=\"").append(PAD_TOP + plotH).append("\" class=\"a\"/>");
        double step = niceStep((maxY - minY) / 4);
        for (double v = Math.ceil(minY / step) * step; v <= maxY + step * 1e-9; v += step) {
            double py = s.y(v);
            b.append("<text x=\"").append(PAD_LEFT - 4).append("\" y=\"").append(fmt(py + 4)).append("\" class=\"l\" text-anchor=\"end\">")
                .append(percent ? label(v * 100, step * 100) + "%" : label(v, step)).append("</text>");
            b.append("<line x1=\"").append(PAD_LEFT).append("\" y1=\"").append(fmt(py)).append("\" x2=\"").append(fmt(PAD_LEFT + plotW))
                .append("\" y2=\"").append(fmt(py)).append("\" class=\"g\"/>");
        }
        for (int k = 0; k <= 4; k++) {   // five dates along the time axis: both ends and the quarters
            long t = minX + (maxX - minX) * k / 4;
            String anchor = k == 0 ? "start" : k == 4 ? "end" : "middle";
            b.append("<text x=\"").append(fmt(PAD_LEFT + plotW * k / 4)).append("\" y=\"").append(height - 6)
                .append("\" class=\"l\" text-anchor=\"").append(anchor).append("\">").append(CsvFiles.iso(t), 0, 10)
                .append("</text>");
        }
        // the line
        b.append("<polyline fill=\"none\" stroke=\"").append(stroke).append("\" stroke-width=\"1.2\" points=\"");
        int bucket = Math.max(1, (n + MAX_BUCKETS - 1) / MAX_BUCKETS);
        for (int start = 0; start < n; start += bucket) {
            int end = Math.min(n, start + bucket);
            int lo = start, hi = start;
            for (int i = start; i < end; i++) {
                if (y[i] < y[lo]) lo = i;
                if (y[i] > y[hi]) hi = i;
            }
            point(b, s, x[start], y[start]);
            if (bucket > 1) {
                int first = Math.min(lo, hi), second = Math.max(lo, hi);
                point(b, s, x[first], y[first]);
                point(b, s, x[second], y[second]);
            }
        }
        if (bucket > 1) point(b, s, x[n - 1], y[n - 1]);
        b.append("\"/>");
        for (Marker m : markers) {
            b.append("<circle cx=\"").append(fmt(PAD_LEFT + s.x(m.x()))).append("\" cy=\"").append(fmt(s.y(m.y())))
                .append("\" r=\"3.5\" fill=\"").append(m.color()).append("\"><title>").append(Html.escape(m.label()))
                .append("</title></circle>");
        }
        return b.append("</svg>").toString();
    }

    private static void point(StringBuilder b, Scale s, long x, double y) {
        b.append(fmt(PAD_LEFT + s.x(x))).append(',').append(fmt(s.y(y))).append(' ');
    }

    private record Scale(long minX, long maxX, double minY, double maxY, double w, double h) {
        double x(long t) { return (double) (t - minX) / (maxX - minX) * w; }
        double y(double v) { return PAD_TOP + (maxY - v) / (maxY - minY) * h; }
    }

    static String fmt(double v) { return String.format(Locale.ROOT, "%.2f", v); }

    /** 1, 2 or 5 times a power of ten, at least {@code rough}: axis labels a reader can add up. */
    static double niceStep(double rough) {
        double pow = Math.pow(10, Math.floor(Math.log10(rough)));
        double f = rough / pow;
        return (f <= 1 ? 1 : f <= 2 ? 2 : f <= 5 ? 5 : 10) * pow;
    }

    /** A tick value with as many decimals as the step needs (0 for steps of 1 or more). */
    static String label(double v, double step) {
        int decimals = step >= 1 ? 0 : (int) Math.ceil(-Math.log10(step) - 1e-9);
        return String.format(Locale.ROOT, "%,." + decimals + "f", Math.abs(v) < step * 1e-9 ? 0.0 : v);
    }
}
