package io.ibex.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.ibex.backtest.BacktestConfig;
import io.ibex.backtest.BacktestEngine;
import io.ibex.backtest.BacktestResult;
import io.ibex.execution.Trade;
import io.ibex.data.BarFiles;
import io.ibex.framework.domain.Bars;
import io.ibex.framework.domain.Instrument;
import io.ibex.strategies.SmaCross;
import java.io.IOException;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.ta4j.core.BarSeries;
import org.ta4j.core.BaseStrategy;
import org.ta4j.core.Position;
import org.ta4j.core.TradingRecord;
import org.ta4j.core.backtest.BarSeriesManager;
import org.ta4j.core.backtest.TradeOnNextOpenModel;
import org.ta4j.core.indicators.averages.SMAIndicator;
import org.ta4j.core.indicators.helpers.ClosePriceIndicator;
import org.ta4j.core.num.DecimalNumFactory;
import org.ta4j.core.num.DoubleNumFactory;
import org.ta4j.core.rules.CrossedDownIndicatorRule;
import org.ta4j.core.rules.CrossedUpIndicatorRule;

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

    @Test
    void ibexEngineTradesTheSameRoundTripsAsTa4jDecimalNum() {
        BacktestResult ibex = new BacktestEngine(BacktestConfig.defaults()).run(BARS.toBars(), new SmaCross(20, 50));
        // DecimalNum: SmaCross treats averages within 1e-12 as tied, as exact decimals do; DoubleNum misses 3 such ties
        BarSeries series = Ta4jSeries.of(BARS, N, DecimalNumFactory.getInstance());
        TradingRecord ta4j = new BarSeriesManager(series, new TradeOnNextOpenModel())
                .run(new BaseStrategy(new CrossedUpIndicatorRule(sma(series, 20), sma(series, 50)),
                        new CrossedDownIndicatorRule(sma(series, 20), sma(series, 50)), 50));
        assertThat(ibex.trades()).hasSize(ta4j.getPositionCount()).hasSizeGreaterThan(50);
        double ta4jProfit = 0;
        for (Position p : ta4j.getPositions()) {
            ta4jProfit += p.getGrossProfit().doubleValue();
        }
        double ibexProfit = 0;
        for (Trade t : ibex.trades()) {
            ibexProfit += t.pnl().doubleValue();
        }
        assertThat(ibexProfit).isCloseTo(ta4jProfit, within(1e-6));
        assertThat(ibex.equity()).hasSize(N);
    }

    private static SMAIndicator sma(BarSeries series, int period) {
        return new SMAIndicator(new ClosePriceIndicator(series), period);
    }
}
