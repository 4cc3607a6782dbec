package io.ibex.backtest.report;

import java.util.Locale;

/**
 * ColorBrewer's 11-class RdBu, a diverging scheme that stays distinguishable under the common colour-vision deficiencies:
 * red for worse, white at the midpoint, blue for better. Used by the monthly-returns table and the sweep heatmap.
 */
public final class DivergingPalette {
    private static final int[] RGB = {0x67001f, 0xb2182b, 0xd6604d, 0xf4a582, 0xfddbc7, 0xf7f7f7, 0xd1e5f0, 0x92c5de,
        0x4393c3, 0x2166ac, 0x053061};

    private DivergingPalette() {}

    /** @param f -1 (worst) .. 0 (midpoint) .. 1 (best); clamped */
    public static String color(double f) {
        double p = (Math.max(-1, Math.min(1, f)) + 1) / 2 * (RGB.length - 1);
        int i = Math.min(RGB.length - 2, (int) Math.floor(p));
        double t = p - i;
        int a = RGB[i], c = RGB[i + 1];
        return String.format(Locale.ROOT, "#%02x%02x%02x", mix(a >> 16, c >> 16, t), mix(a >> 8, c >> 8, t), mix(a, c, t));
    }

    /** Black on the light middle, white on the dark ends. */
    public static String textColor(double f) { return Math.abs(f) > 0.6 ? "#fff" : "#111"; }

    /** The cell style for {@code f}. */
    public static String style(double f) { return "background:" + color(f) + ";color:" + textColor(f); }

    /** A horizontal colour bar with the three labels under its ends and middle. */
    public static String legend(String worst, String middle, String best) {
        StringBuilder g = new StringBuilder("linear-gradient(to right");
        for (int k = 0; k < RGB.length; k++) g.append(',').append(String.format(Locale.ROOT, "#%06x", RGB[k]));
        g.append(')');
        return "<div class=\"legend\"><div class=\"bar\" style=\"background:" + g + "\"></div><div class=\"ends\"><span>"
            + Html.escape(worst) + "</span><span>" + Html.escape(middle) + "</span><span>" + Html.escape(best)
            + "</span></div></div>";
    }

    /** CSS for {@link #legend}. */
    public static final String CSS = ".legend{width:360px;margin:4px 0 12px;font-size:12px}.legend .bar{height:12px;border:1px solid #ccc}"
        + ".legend .ends{display:flex;justify-content:space-between}";

    private static int mix(int a, int c, double t) { return (int) Math.round((a & 0xff) * (1 - t) + (c & 0xff) * t); }
}
