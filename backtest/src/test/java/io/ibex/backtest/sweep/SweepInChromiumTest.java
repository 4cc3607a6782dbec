package io.ibex.backtest.sweep;

import io.ibex.backtest.report.Chromium;
import io.ibex.data.BarSources;
import io.ibex.framework.domain.Bars;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** sweep.html of a real two-parameter sweep with walk-forward, opened in headless Chromium without network. */
class SweepInChromiumTest {
    private static final SweepEngine.Options ONE = new SweepEngine.Options(1, "local[*]");

    @TempDir Path tmp;

    @Test void theSweepPageRendersItsHeatmapLegendWalkForwardChartAndSortableTable() throws Exception {
        Bars bars = BarSources.load("sample:aapl-2013", null);
        ParamGrid grid = ParamGrid.parse(List.of("fast=3,5,10,15", "slow=20,30,40,60"));
        SweepJob job = SweepJob.of(SweepSettings.defaults("sma-cross"), grid, grid.all(), SweepRun.MAX_PERIODS);
        LocalSweepEngine engine = new LocalSweepEngine();
        List<SweepRow> rows = engine.run(job, bars, ONE, SweepProgress.NONE);
        WalkForward.Result wf = WalkForward.run(engine, ONE, job, bars, new WalkForward.Spec(100, 50), RankBy.SHARPE, SweepProgress.NONE);
        Path page = tmp.resolve("sweep.html");
        Files.writeString(page, SweepHtml.render("Sweep: sma-cross on sample:aapl-2013", "USD", grid.names(), grid.axes(), rows,
            RankBy.SHARPE, Overfitting.of(rows, RankBy.SHARPE, 1), wf));

        String dom = Chromium.dom(page);
        Chromium.screenshot(page, "sweep");
        String heat = dom.substring(dom.indexOf("id=\"heatmap\""), dom.indexOf("</table>", dom.indexOf("id=\"heatmap\"")));
        assertThat(heat.split("<small>", -1)).as("a trade count in each of the 16 cells").hasSize(17);
        assertThat(heat.split("class=\"best\"", -1)).hasSize(2);
        assertThat(dom).contains("class=\"legend\"").contains("id=\"walk-forward\"").contains("data-hover-ready=\"1\"")
            .contains("Stitched out-of-sample equity (3 test windows)").contains("out-of-sample sharpe");
        String wfTable = dom.substring(dom.indexOf("id=\"walk-forward\""), dom.indexOf("</table>", dom.indexOf("id=\"walk-forward\"")));
        assertThat(wfTable.split("class=\"oos\"", -1)).hasSize(4);
        assertThat(dom).doesNotContainPattern("(src|href)=\"?(https?:)?//");
    }
}
