package io.ibex.backtest.sweep;

import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class SweepHtmlTest {
    @Test void aTwoParameterGridGetsAHeatmapCellPerSetWithSkippedSetsBlankAndTheBestGreenest() {
        ParamGrid grid = ParamGrid.parse(List.of("fast=5,10", "slow=10,20"));
        List<SweepRow> rows = List.of(row(grid, 0, 0.5), row(grid, 1, 1.5),
            SweepRow.skipped(2, grid.paramSet(2), "fast (10) must be smaller than slow (10)"), row(grid, 3, -0.5));
        Overfitting o = Overfitting.of(rows, RankBy.SHARPE, 1);
        String html = SweepHtml.render("Sweep <sma>", grid.names(), grid.axes(), rows, RankBy.SHARPE, o, null);
        String heat = html.substring(html.indexOf("id=\"heatmap\""), html.indexOf("</table>", html.indexOf("id=\"heatmap\"")));
        assertThat(heat.split("<td").length - 1).isEqualTo(4);
        assertThat(heat).contains("<td style=\"background:#f4f4f4\"></td>");
        assertThat(heat).contains("rgb(40,190,90)\" title=\"fast=5 slow=20\">1.500000<");   // best: full green
        assertThat(heat).contains("rgb(230,60,90)\" title=\"fast=10 slow=20\">-0.500000<"); // worst: full red
        assertThat(html).contains("<title>Sweep &lt;sma&gt;</title>").doesNotContain("<script src").doesNotContain("http");
        assertThat(html.split("<tr><td>").length - 1).as("table rows: the 3 sets that ran").isEqualTo(3);
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
