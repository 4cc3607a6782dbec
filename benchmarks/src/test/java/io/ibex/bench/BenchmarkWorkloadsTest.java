package io.ibex.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.ibex.data.BarFiles;
import io.ibex.framework.domain.Bars;
import io.ibex.framework.domain.Instrument;
import java.io.IOException;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.ta4j.core.BarSeries;
import org.ta4j.core.num.DecimalNumFactory;
import org.ta4j.core.num.DoubleNumFactory;

/** The contenders of each benchmark compute the same thing, so their timings compare like with like. */
class BenchmarkWorkloadsTest {
    private static final int N = 20_000;
    private static final SyntheticBars BARS = SyntheticBars.generate(N);

    @Test
    void syntheticBarsAreDeterministicTickRoundedAndValid() {
        SyntheticBars again = SyntheticBars.generate(N);
        assertThat(again.close()).containsExactly(BARS.close());
        assertThat(SyntheticBars.generate(N, 1).close()).isNotEqualTo(BARS.close());
        for (int i = 0; i < N; i++) {
            double cents = BARS.close()[i] * 100;
            assertThat(Math.abs(cents - Math.rint(cents))).isLessThan(1e-6);
        }
        Bars bars = BARS.toBars();                       // Bars.of validates high >= open/close >= low > 0
        assertThat(bars.size()).isEqualTo(N);
        assertThat(bars.time(1) - bars.time(0)).isEqualTo(60_000);
    }

    @Test
    void fiveIndicatorChecksumsAgreeAcrossIbexPrimitiveAndTa4j() {
        double ibex = IndicatorBenchmark.ibexPass(BARS.high(), BARS.low(), BARS.close());
        double primitive = PrimitiveIndicators.fivePass(BARS.high(), BARS.low(), BARS.close());
        double ta4jDouble = IndicatorBenchmark.ta4jPass(Ta4jSeries.of(BARS, N, DoubleNumFactory.getInstance()));
        double ta4jDecimal = IndicatorBenchmark.ta4jPass(Ta4jSeries.of(BARS, N, DecimalNumFactory.getInstance()));
        assertThat(ibex).isFinite();
        assertThat(ta4jDouble).isCloseTo(ibex, within(Math.abs(ibex) * 1e-12));
        assertThat(ta4jDecimal).isCloseTo(ibex, within(Math.abs(ibex) * 1e-9));
        assertThat(primitive).isCloseTo(ibex, within(Math.abs(ibex) * 1e-9));
    }

    @Test
    void primitiveSmaCrossEndsWithTheSameEquityAsTa4jsBarSeriesManager() {
        double[] curve = PrimitiveSmaCross.equityCurve(BARS.open(), BARS.close(), 20, 50);
        BarSeries series = Ta4jSeries.of(BARS, N, DoubleNumFactory.getInstance());
        double ta4j = SmaCrossBenchmark.ta4jRun(series);
        assertThat(curve).hasSize(N);
        assertThat(curve[N - 1]).isNotEqualTo(1.0);
        assertThat(curve[N - 1]).isCloseTo(ta4j, within(1e-9));
    }

    @Test
    void theGeneratedCsvParsesToTheSameBarsInIbexAndInThePrimitiveLoop(@TempDir Path dir) throws IOException {
        Path csv = dir.resolve("syn.csv");
        CsvParseBenchmark.write(BARS, csv);
        Bars bars = BarFiles.read(csv, Instrument.of("SYN"), null);
        double[][] columns = CsvParseBenchmark.parseColumns(csv, N);
        assertThat(bars.size()).isEqualTo(N);
        for (int i = 0; i < N; i += 997) {
            assertThat(bars.time(i)).isEqualTo(BARS.time()[i]).isEqualTo((long) columns[0][i]);
            assertThat(bars.close(i)).isEqualTo(BARS.close()[i]).isEqualTo(columns[4][i]);
            assertThat(bars.low(i)).isEqualTo(BARS.low()[i]).isEqualTo(columns[3][i]);
        }
    }
}
