package io.ibex.spark;

import io.ibex.backtest.sweep.ParamGrid;
import io.ibex.backtest.sweep.SweepEngine;
import io.ibex.backtest.sweep.SweepJob;
import io.ibex.backtest.sweep.SweepProgress;
import io.ibex.backtest.sweep.SweepRun;
import io.ibex.backtest.sweep.SweepSettings;
import io.ibex.data.BarSources;
import io.ibex.framework.error.ConfigException;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SparkMasterProbeTest {
    private static int closedPort() throws IOException {
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return s.getLocalPort();
        }
    }

    @Test void anUnreachableStandaloneMasterIsOneConfigErrorBeforeSparkStarts() throws IOException {
        String master = "spark://127.0.0.1:" + closedPort();
        ParamGrid grid = ParamGrid.parse(List.of("fast=5,10", "slow=20"));
        SweepJob job = SweepJob.of(SweepSettings.defaults("sma-cross"), grid, grid.all(), SweepRun.MAX_PERIODS);
        try (SparkSweepEngine engine = new SparkSweepEngine()) {
            assertThatThrownBy(() -> engine.run(job, BarSources.load("sample:aapl-2013", null), new SweepEngine.Options(1, master),
                SweepProgress.NONE))
                .isInstanceOf(ConfigException.class)
                .hasMessageStartingWith("--master " + master + ": no Spark master answers (127.0.0.1:")
                .hasMessageContaining("--master 'local[*]'");
        }
    }

    @Test void anUnknownHostSaysSo() {
        assertThatThrownBy(() -> SparkMasterProbe.check("spark://nohost.invalid:7077", Duration.ofSeconds(1)))
            .hasMessageContaining("nohost.invalid:7077: unknown host");
    }

    @Test void aListeningMasterAndNonStandaloneMastersPass() throws IOException {
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            assertThatCode(() -> SparkMasterProbe.check("spark://127.0.0.1:" + s.getLocalPort(), Duration.ofSeconds(1)))
                .doesNotThrowAnyException();
        }
        assertThatCode(() -> SparkMasterProbe.check("local[*]", Duration.ofSeconds(1))).doesNotThrowAnyException();
    }
}
