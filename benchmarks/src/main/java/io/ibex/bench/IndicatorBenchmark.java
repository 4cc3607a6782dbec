package io.ibex.bench;

import io.ibex.framework.indicator.Atr;
import io.ibex.framework.indicator.BollingerBands;
import io.ibex.framework.indicator.Ema;
import io.ibex.framework.indicator.Macd;
import io.ibex.framework.indicator.Rsi;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.ta4j.core.BarSeries;
import org.ta4j.core.indicators.ATRIndicator;
import org.ta4j.core.indicators.MACDIndicator;
import org.ta4j.core.indicators.RSIIndicator;
import org.ta4j.core.indicators.averages.EMAIndicator;
import org.ta4j.core.indicators.averages.SMAIndicator;
import org.ta4j.core.indicators.bollinger.BollingerBandsMiddleIndicator;
import org.ta4j.core.indicators.bollinger.BollingerBandsUpperIndicator;
import org.ta4j.core.indicators.helpers.ClosePriceIndicator;
import org.ta4j.core.indicators.statistics.StandardDeviationIndicator;
import org.ta4j.core.num.DecimalNumFactory;
import org.ta4j.core.num.DoubleNumFactory;

/**
 * One pass of five indicators over every bar: EMA(20), RSI(14), MACD(12,26,9) with signal, Bollinger(20, 2) middle and
 * upper, ATR(14). Score = nanoseconds per bar. Ta4j indicators are created fresh in each invocation because they cache
 * every value; reading them in index order is Ta4j's fast path. Ta4j skips reading the warm-up bars (it computes them
 * anyway, recursively). The return value is a checksum that agrees across the four implementations.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class IndicatorBenchmark {
    /** Bars after which all five are defined (MACD's signal seeds at bar 27); the checksum skips the NaN warm-up. */
    static final int WARM_UP = 35;

    @State(Scope.Benchmark)
    public static class Columns {
        double[] high;
        double[] low;
        double[] close;

        @Setup(Level.Trial)
        public void setUp() {
            SyntheticBars bars = Market.oneMillion();
            high = bars.high();
            low = bars.low();
            close = bars.close();
        }
    }

    @State(Scope.Benchmark)
    public static class FiveMillionColumns {
        double[] high;
        double[] low;
        double[] close;

        @Setup(Level.Trial)
        public void setUp() {
            SyntheticBars bars = Market.fiveMillion();
            high = bars.high();
            low = bars.low();
            close = bars.close();
        }
    }

    @State(Scope.Benchmark)
    public static class Ta4jDoubleSeries {
        BarSeries series;

        @Setup(Level.Trial)
        public void setUp() {
            series = Ta4jSeries.of(Market.oneMillion(), Market.BARS, DoubleNumFactory.getInstance());
        }
    }

    @State(Scope.Benchmark)
    public static class Ta4jDecimalSeries {
        BarSeries series;

        @Setup(Level.Trial)
        public void setUp() {
            series = Ta4jSeries.of(Market.oneMillion(), Market.SMALL_BARS, DecimalNumFactory.getInstance());
        }
    }

    @Benchmark
    @OperationsPerInvocation(Market.BARS)
    public double ibex(Columns c) {
        return ibexPass(c.high, c.low, c.close);
    }

    static double ibexPass(double[] high, double[] low, double[] close) {
        Ema ema = new Ema(20);
        Rsi rsi = new Rsi(14);
        Macd macd = new Macd(12, 26, 9);
        BollingerBands bands = new BollingerBands(20, 2);
        Atr atr = new Atr(14);
        double acc = 0;
        for (int i = 0; i < close.length; i++) {
            double x = close[i];
            double sum = ema.update(x) + rsi.update(x) + macd.update(x) + macd.signal() + bands.update(x)
                    + bands.upper() + atr.update(high[i], low[i], x);
            if (i >= WARM_UP) {
                acc += sum;
            }
        }
        return acc;
    }

    @Benchmark
    @OperationsPerInvocation(Market.BARS)
    public double primitiveLoop(Columns c) {
        return PrimitiveIndicators.fivePass(c.high, c.low, c.close);
    }

    @Benchmark
    @OperationsPerInvocation(SyntheticBars.FIVE_MILLION)
    public double ibexFiveMillion(FiveMillionColumns c) {
        return ibexPass(c.high, c.low, c.close);
    }

    @Benchmark
    @OperationsPerInvocation(SyntheticBars.FIVE_MILLION)
    public double primitiveLoopFiveMillion(FiveMillionColumns c) {
        return PrimitiveIndicators.fivePass(c.high, c.low, c.close);
    }

    @Benchmark
    @OperationsPerInvocation(Market.BARS)
    public double ta4jDoubleNum(Ta4jDoubleSeries s) {
        return ta4jPass(s.series);
    }

    @Benchmark
    @OperationsPerInvocation(Market.SMALL_BARS)
    public double ta4jDecimalNum(Ta4jDecimalSeries s) {
        return ta4jPass(s.series);
    }

    static double ta4jPass(BarSeries series) {
        ClosePriceIndicator close = new ClosePriceIndicator(series);
        EMAIndicator ema = new EMAIndicator(close, 20);
        RSIIndicator rsi = new RSIIndicator(close, 14);
        MACDIndicator macd = new MACDIndicator(close, 12, 26);
        EMAIndicator signal = macd.getSignalLine(9);
        BollingerBandsMiddleIndicator middle = new BollingerBandsMiddleIndicator(new SMAIndicator(close, 20));
        BollingerBandsUpperIndicator upper =
                new BollingerBandsUpperIndicator(middle, new StandardDeviationIndicator(close, 20));
        ATRIndicator atr = new ATRIndicator(series, 14);
        double acc = 0;
        int n = series.getBarCount();
        for (int i = WARM_UP; i < n; i++) {
            acc += ema.getValue(i).doubleValue() + rsi.getValue(i).doubleValue() + macd.getValue(i).doubleValue()
                    + signal.getValue(i).doubleValue() + middle.getValue(i).doubleValue()
                    + upper.getValue(i).doubleValue() + atr.getValue(i).doubleValue();
        }
        return acc;
    }
}
