package io.ibex.backtest.report;

import java.util.Locale;

/** HTML text escaping for everything a user controls (strategy names, parameters, paths), and number formats. */
public final class Html {
    private Html() {}

    public static String escape(String s) {
        StringBuilder b = new StringBuilder(s.length() + 16);
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '<' -> b.append("&lt;");
                case '>' -> b.append("&gt;");
                case '&' -> b.append("&amp;");
                case '"' -> b.append("&quot;");
                case '\'' -> b.append("&#39;");
                default -> b.append(c);
            }
        }
        return b.toString();
    }

    /** A fraction as a percentage with two decimals ({@code 0.0123} is {@code 1.23%}), or {@code n/a}. */
    public static String pct(double v) { return Double.isFinite(v) ? String.format(Locale.ROOT, "%.2f%%", v * 100) : "n/a"; }

    /** A ratio with three decimals, or {@code n/a}. */
    static String num(double v) { return Double.isFinite(v) ? String.format(Locale.ROOT, "%.3f", v) : "n/a"; }

    /** Money with two decimals, grouped ({@code 1,234.50}), or {@code n/a}. */
    static String money(double v) { return Double.isFinite(v) ? String.format(Locale.ROOT, "%,.2f", v) : "n/a"; }

    /** {@code 2023-03-14 21:30} to the nearest minute (a bar closing at 21:29:59.999 reads 21:30), or the date alone at midnight. */
    public static String time(long millis) {
        String iso = CsvFiles.iso(Math.floorDiv(millis + 30_000, 60_000) * 60_000);
        String hhmm = iso.substring(11, 16);
        return hhmm.equals("00:00") ? iso.substring(0, 10) : iso.substring(0, 10) + " " + hhmm;
    }

    /** A summary row: a header cell and a right-aligned value, both escaped. */
    static void row(StringBuilder b, String k, String v) {
        b.append("<tr><th>").append(escape(k)).append("</th><td class=\"n\">").append(escape(v)).append("</td></tr>");
    }
}
