package io.ibex.spark;

import io.ibex.backtest.sweep.LocalSweepEngine;
import io.ibex.backtest.sweep.ParamGrid;
import io.ibex.backtest.sweep.SweepCsv;
import io.ibex.backtest.sweep.SweepEngine;
import io.ibex.backtest.sweep.SweepEngines;
import io.ibex.backtest.sweep.SweepJob;
import io.ibex.backtest.sweep.SweepProgress;
import io.ibex.backtest.sweep.SweepRow;
import io.ibex.backtest.sweep.SweepRun;
import io.ibex.backtest.sweep.SweepSettings;
import io.ibex.data.BarSources;
import io.ibex.framework.domain.Bars;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** One Spark context (local[2]) for the whole class: starting Spark costs ~10 s. */
class SparkSweepEngineTest {
    private static SweepEngine spark;

    @BeforeAll static void startSpark() { spark = SweepEngines.find("spark"); }

    @AfterAll static void stopSpark() { spark.close(); }

    @Test void theSparkEngineIsFoundThroughTheServiceLoaderWhenItIsOnTheClassPath() {
        assertThat(spark).isInstanceOf(SparkSweepEngine.class);
        assertThat(spark.name()).isEqualTo("spark");
    }

    @Test void sparkWritesTheSameSweepCsvBytesAsTheLocalEngineOnAapl2013() {
        assertSameCsv("sample:aapl-2013", List.of("fast=5:20:5", "slow=10:60:10"), "local[2]");
    }

    @Test void sparkWritesTheSameSweepCsvBytesAsTheLocalEngineOnEth5m2023WithPercentSizingAndCloseFills() {
        assertSameCsv("sample:eth-5m-2023", List.of("fast=3,5,10,20", "slow=20,50,100"), "local[*]");
    }

    private static void assertSameCsv(String source, List<String> gridText, String master) {
        Bars bars = BarSources.load(source, null);
        ParamGrid grid = ParamGrid.parse(gridText);
        SweepSettings settings = source.contains("eth")
            ? new SweepSettings("sma-cross", List.of(), "10000", null, "50", "none", "5", "close")
            : SweepSettings.defaults("sma-cross");
        SweepJob job = SweepJob.of(settings, grid, grid.all(), SweepRun.MAX_PERIODS);
        List<SweepRow> local = new LocalSweepEngine().run(job, bars, new SweepEngine.Options(1, master), SweepProgress.NONE);
        List<SweepRow> remote = spark.run(job, bars, new SweepEngine.Options(1, master), SweepProgress.NONE);
        String expected = SweepCsv.render(grid.names(), local);
        assertThat(SweepCsv.render(grid.names(), remote)).isEqualTo(expected);
        assertThat(expected.lines().count()).as("header + rows that ran").isGreaterThan(5);
        assertThat(remote).extracting(SweepRow::gridIndex).containsExactly(local.stream().map(SweepRow::gridIndex).toArray(Integer[]::new));
        for (int i = 0; i < local.size(); i++)
            assertThat(remote.get(i).periodReturns()).containsExactly(local.get(i).periodReturns());
    }
}
