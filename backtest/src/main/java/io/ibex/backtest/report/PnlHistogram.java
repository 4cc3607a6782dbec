package io.ibex.backtest.report;

import io.ibex.execution.Trade;

import java.util.List;

/**
 * The distribution of trade P&amp;L as an SVG bar chart. Bin edges are multiples of a round width, so 0 is always an
 * edge and no bin mixes losers with winners; losers are red, winners blue (the ends of {@link DivergingPalette}).
 */
final class PnlHistogram {
    /** About twice the square root of the trade count, within these bounds: one outlier must not lump all other trades into one bin. */
    private static final int MIN_BINS = 10, MAX_BINS = 40;
    private static final int HEIGHT = 260, PAD_LEFT = 86, PAD_RIGHT = 16, PAD_TOP = 28, PAD_BOTTOM = 40;

    private PnlHistogram() {}

    static String render(List<Trade> trades, String currency) {
        int n = trades.size();
        StringBuilder b = new StringBuilder(8192);
        b.append("<svg class=\"chart\" id=\"pnl-histogram\" viewBox=\"0 0 ")
            .append(SvgChart.WIDTH).append(' ').append(HEIGHT).append("\" role=\"img\"><text x=\"").append(PAD_LEFT)
            .append("\" y=\"18\" class=\"t\">Trade P&amp;L distribution (").append(n).append(" trades)</text>");
        if (n == 0) return b.append("<text x=\"").append(PAD_LEFT).append("\" y=\"48\" class=\"l\">no closed trades</text></svg>\n").toString();
        double lo = Double.POSITIVE_INFINITY, hi = Double.NEGATIVE_INFINITY;
        double[] pnl = new double[n];
        for (int k = 0; k < n; k++) {
            pnl[k] = trades.get(k).pnl().doubleValue();
            lo = Math.min(lo, pnl[k]);
            hi = Math.max(hi, pnl[k]);
        }
        int wanted = Math.max(MIN_BINS, Math.min(MAX_BINS, (int) Math.ceil(2 * Math.sqrt(n))));
        ValueAxis bins = ValueAxis.of(Math.min(lo, 0), Math.max(hi, 0));
        double width = bins.step();
        while ((bins.max() - bins.min()) / width < wanted) width /= 2;   // ValueAxis gives <= 7 ticks; bins want more
        double first = Math.floor(lo / width) * width;
        int count = Math.max(1, (int) Math.floor((hi - first) / width) + 1);
        int[] freq = new int[count];
        for (double v : pnl) freq[Math.min(count - 1, (int) Math.floor((v - first) / width))]++;
        int maxFreq = 0;
        for (int f : freq) maxFreq = Math.max(maxFreq, f);
        ValueAxis y = ValueAxis.of(0, Math.max(maxFreq, 5));
        double plotW = SvgChart.WIDTH - PAD_LEFT - PAD_RIGHT, plotH = HEIGHT - PAD_TOP - PAD_BOTTOM, barW = plotW / count;
        for (int k = 0; k < y.ticks(); k++) {
            double v = y.tick(k), py = PAD_TOP + plotH - v / y.max() * plotH;
            b.append("<line x1=\"").append(PAD_LEFT).append("\" y1=\"").append(SvgChart.fmt(py)).append("\" x2=\"")
                .append(SvgChart.fmt(PAD_LEFT + plotW)).append("\" y2=\"").append(SvgChart.fmt(py)).append("\" class=\"g\"/>")
                .append("<text x=\"").append(PAD_LEFT - 6).append("\" y=\"").append(SvgChart.fmt(py + 4))
                .append("\" class=\"l yt\" text-anchor=\"end\">").append(y.label(v, false)).append("</text>");
        }
        int labelEvery = Math.max(1, (int) Math.ceil(count / 8.0));
        for (int k = 0; k < count; k++) {
            double from = first + k * width, h = (double) freq[k] / y.max() * plotH, px = PAD_LEFT + k * barW;
            String range = Html.money(from) + " .. " + Html.money(from + width) + " " + currency + ": " + freq[k]
                + (freq[k] == 1 ? " trade" : " trades");
            b.append("<rect class=\"bin\" x=\"").append(SvgChart.fmt(px + 1)).append("\" y=\"").append(SvgChart.fmt(PAD_TOP + plotH - h))
                .append("\" width=\"").append(SvgChart.fmt(Math.max(1, barW - 2))).append("\" height=\"").append(SvgChart.fmt(h))
                .append("\" fill=\"").append(from < 0 ? "#b2182b" : "#2166ac").append("\"><title>").append(Html.escape(range))
                .append("</title></rect>");
            if (k % labelEvery == 0)
                b.append("<text x=\"").append(SvgChart.fmt(px)).append("\" y=\"").append(SvgChart.fmt(PAD_TOP + plotH + 17))
                    .append("\" class=\"l xt\" text-anchor=\"middle\">").append(compact(from)).append("</text>");
        }
        b.append("<text x=\"").append(SvgChart.fmt(PAD_LEFT + plotW)).append("\" y=\"").append(HEIGHT - 4)
            .append("\" class=\"l at\" text-anchor=\"end\">P&amp;L per trade after commission (").append(Html.escape(currency)).append(")</text>")
            .append("<text transform=\"translate(14,").append(SvgChart.fmt(PAD_TOP + plotH / 2))
            .append(") rotate(-90)\" class=\"l at\" text-anchor=\"middle\">trades</text>");
        return b.append("</svg>\n").toString();
    }

    private static String compact(double v) {
        double a = Math.abs(v);
        return a >= 100 || a == Math.rint(a) ? String.format(java.util.Locale.ROOT, "%,.0f", v) : String.format(java.util.Locale.ROOT, "%.2f", v);
    }
}
