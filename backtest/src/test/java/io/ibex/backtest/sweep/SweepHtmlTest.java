package io.ibex.backtest.sweep;

import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class SweepHtmlTest {
    @Test void aTwoParameterGridGetsADivergingHeatmapWithTradeCountsSkippedSetsMarkedAndALegend() {
        ParamGrid grid = ParamGrid.parse(List.of("fast=5,10", "slow=10,20"));
        List<SweepRow> rows = List.of(row(grid, 0, 0.5), row(grid, 1, 1.5),
            SweepRow.skipped(2, grid.paramSet(2), "fast (10) must be smaller than slow (10)"), row(grid, 3, -0.5));
        Overfitting o = Overfitting.of(rows, RankBy.SHARPE, 1);
        String html = SweepHtml.render("Sweep <sma>", grid.names(), grid.axes(), rows, RankBy.SHARPE, o, null);
        String heat = html.substring(html.indexOf("id=\"heatmap\""), html.indexOf("</table>", html.indexOf("id=\"heatmap\"")));
        assertThat(heat.split("<td", -1).length - 1).isEqualTo(4);
        assertThat(heat).contains("<td class=\"skip\" title=\"fast=10 slow=10: fast (10) must be smaller than slow (10)\">skipped</td>");
        // values straddle 0, so 0 is the white middle: 1.5 is the full blue end, -0.5 a third of the way to red
        assertThat(heat).contains("<td class=\"best\" style=\"background:#053061;color:#fff\" title=\"fast=5 slow=20\">1.50<small>1 trade</small></td>");
        assertThat(heat).contains("style=\"background:#f7b799;color:#111\" title=\"fast=10 slow=20\">-0.50<small>1 trade</small>");
        assertThat(html).contains("class=\"legend\"").contains("worse -1.50").contains("better 1.50");
        assertThat(html).contains("<title>Sweep &lt;sma&gt;</title>").doesNotContain("<script src").doesNotContain("http");
        assertThat(html.split("<tr><td", -1).length - 1).as("table rows: the 3 sets that ran").isEqualTo(3);
        assertThat(html).contains("<td data-v=\"0.01\">1.00%</td>").contains("<td data-v=\"101000\">101,000.00</td>")
            .doesNotContain("0.010000");
    }

    @Test void walkForwardShowsTheStitchedEquityChartAndInSampleBesideOutOfSampleScores() {
        ParamGrid grid = ParamGrid.parse(List.of("fast=5", "slow=10"));
        List<SweepRow> rows = List.of(row(grid, 0, 0.5));
        long day = 86_400_000L;
        long[] time = {0, day, 2 * day, 3 * day, 4 * day};
        double[] equity = {100_000, 101_000, 102_010, 100_000, 99_000};
        WalkForward.Result wf = new WalkForward.Result(List.of(
            new WalkForwardWindow(1, 0, 10, 12, 0, 0, day, 2 * day, grid.paramSet(0), 1.25, 0.0201),
            new WalkForwardWindow(2, 2, 12, 14, 0, 0, 3 * day, 4 * day, grid.paramSet(0), 0.75, 99_000 / 102_010.0 - 1)),
            time, equity);
        String html = SweepHtml.render("s", "USD", grid.names(), grid.axes(), rows, RankBy.TOTAL_RETURN,
            Overfitting.of(rows, RankBy.TOTAL_RETURN, 1), wf);
        assertThat(html).contains("Stitched out-of-sample equity (2 test windows)").contains(">equity (USD)<")
            .contains("data-hover=").contains("<th>in-sample total_return</th><th>out-of-sample total_return</th>")
            .contains("<td class=\"is\">125.00%</td><td class=\"oos\">2.01%</td>")
            .contains("<td class=\"oos\">-2.95%</td>").contains("Stitched out-of-sample return: <b>-1.00%</b>");
    }

    @Test void oneOrThreeParametersGetNoHeatmap() {
        ParamGrid grid = ParamGrid.parse(List.of("fast=5,10"));
        List<SweepRow> rows = List.of(row(grid, 0, 0.5), row(grid, 1, 1.5));
        String html = SweepHtml.render("s", grid.names(), grid.axes(), rows, RankBy.SHARPE, Overfitting.of(rows, RankBy.SHARPE, 1), null);
        assertThat(html).doesNotContain("id=\"heatmap\"").contains("id=\"rows\"");
    }

    private static SweepRow row(ParamGrid grid, int index, double sharpe) {
        Map<String, String> p = grid.paramSet(index);
        return new SweepRow(index, p, null, 1, 0.01, 0.01, sharpe, 0, 0.01, 1, 2, new BigDecimal("101000"), BigDecimal.ZERO,
            new double[]{0.01 * sharpe, -0.01, 0.02, 0.0});
    }
}
