package io.ibex.backtest.report;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;

/**
 * Calendar-month and calendar-year returns (UTC) of an equity curve, as a heatmap table: one row per year, a column per
 * month and the year. A month's return is its last equity over the previous month's last equity (the initial cash for
 * the first month); a month without bars is empty. Colours are symmetric around 0, scaled to the largest |month|.
 */
final class PeriodReturnsTable {
    private static final String[] MONTHS = {"Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"};

    /** @param months 12 returns, NaN where the month has no bar */
    record Year(int year, double[] months, double total) {}

    private PeriodReturnsTable() {}

    static List<Year> of(long[] time, double[] equity, double initialCash) {
        List<Year> years = new ArrayList<>();
        int n = time.length;
        double prevMonthEnd = initialCash, yearStart = initialCash;
        double[] months = null;
        int year = Integer.MIN_VALUE;
        for (int i = 0; i < n; ) {
            ZonedDateTime d = Instant.ofEpochMilli(time[i]).atZone(ZoneOffset.UTC);
            long nextMonth = d.toLocalDate().withDayOfMonth(1).plusMonths(1).atStartOfDay(ZoneOffset.UTC).toInstant().toEpochMilli();
            int last = i;                                     // the month's last bar: one date per month, not per bar
            while (last + 1 < n && time[last + 1] < nextMonth) last++;
            if (d.getYear() != year) {
                if (months != null) years.add(new Year(year, months, prevMonthEnd / yearStart - 1));
                year = d.getYear();
                months = new double[12];
                java.util.Arrays.fill(months, Double.NaN);
                yearStart = prevMonthEnd;
            }
            months[d.getMonthValue() - 1] = equity[last] / prevMonthEnd - 1;
            prevMonthEnd = equity[last];
            i = last + 1;
        }
        if (months != null) years.add(new Year(year, months, prevMonthEnd / yearStart - 1));
        return years;
    }

    static String html(List<Year> years) {
        double scale = 0;
        for (Year y : years) for (double v : y.months()) if (Double.isFinite(v)) scale = Math.max(scale, Math.abs(v));
        if (scale == 0) scale = 1;
        StringBuilder b = new StringBuilder(4096);
        b.append("<table class=\"heat\" id=\"monthly-returns\"><tr><th>year</th>");
        for (String m : MONTHS) b.append("<th>").append(m).append("</th>");
        b.append("<th>year</th></tr>");
        for (Year y : years) {
            b.append("<tr><th>").append(y.year()).append("</th>");
            for (double v : y.months()) cell(b, v, scale);
            cell(b, y.total(), Math.max(scale, Math.abs(y.total())));
            b.append("</tr>");
        }
        b.append("</table>");
        b.append(DivergingPalette.legend(Html.pct(-scale), "0%", Html.pct(scale)));
        return b.toString();
    }

    private static void cell(StringBuilder b, double v, double scale) {
        if (!Double.isFinite(v)) {
            b.append("<td></td>");
            return;
        }
        b.append("<td class=\"n\" style=\"").append(DivergingPalette.style(v / scale)).append("\">").append(Html.pct(v)).append("</td>");
    }
}
