package io.ibex.bench;

import io.ibex.backtest.BacktestConfig;
import io.ibex.backtest.BacktestEngine;
import io.ibex.backtest.BacktestResult;
import io.ibex.framework.domain.Bars;
import io.ibex.strategies.SmaCross;
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
import org.ta4j.core.BaseStrategy;
import org.ta4j.core.Strategy;
import org.ta4j.core.TradingRecord;
import org.ta4j.core.analysis.CashFlow;
import org.ta4j.core.backtest.BarSeriesManager;
import org.ta4j.core.backtest.TradeOnNextOpenModel;
import org.ta4j.core.indicators.averages.SMAIndicator;
import org.ta4j.core.indicators.helpers.ClosePriceIndicator;
import org.ta4j.core.num.DecimalNumFactory;
import org.ta4j.core.num.DoubleNumFactory;
import org.ta4j.core.rules.CrossedDownIndicatorRule;
import org.ta4j.core.rules.CrossedUpIndicatorRule;

/**
 * SMA(20) x SMA(50) long-only crossover with fills at the next bar's open and the full per-bar equity curve.
 * Score = ns per bar; Ta4j runs on the first {@link Market#SMALL_BARS} bars (see {@link Market}).
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class SmaCrossBenchmark {
    static final int FAST = 20;
    static final int SLOW = 50;

    @State(Scope.Benchmark)
    public static class IbexBars {
        Bars bars;

        @Setup(Level.Trial)
        public void setUp() {
            bars = Market.oneMillion().toBars();
        }
    }

    @State(Scope.Benchmark)
    public static class Columns {
        double[] open;
        double[] close;

        @Setup(Level.Trial)
        public void setUp() {
            open = Market.oneMillion().open();
            close = Market.oneMillion().close();
        }
    }

    @State(Scope.Benchmark)
    public static class Ta4jDoubleSeries {
        BarSeries series;

        @Setup(Level.Trial)
        public void setUp() {
            series = Ta4jSeries.of(Market.oneMillion(), Market.SMALL_BARS, DoubleNumFactory.getInstance());
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

    /** The real engine: SimulatedBroker, exact ledger, ColumnarBarWindow, the shipped SmaCross strategy. */
    @Benchmark
    @OperationsPerInvocation(Market.BARS)
    public BacktestResult ibex(IbexBars s) {
        return new BacktestEngine(BacktestConfig.defaults()).run(s.bars, new SmaCross(FAST, SLOW));
    }

    @Benchmark
    @OperationsPerInvocation(Market.BARS)
    public double[] primitiveLoop(Columns c) {
        return PrimitiveSmaCross.equityCurve(c.open, c.close, FAST, SLOW);
    }

    @Benchmark
    @OperationsPerInvocation(Market.SMALL_BARS)
    public double ta4jDoubleNum(Ta4jDoubleSeries s) {
        return ta4jRun(s.series);
    }

    /** Ta4j's backtest without the equity curve: most of Ta4j's time goes to {@code CashFlow}. */
    @Benchmark
    @OperationsPerInvocation(Market.SMALL_BARS)
    public int ta4jDoubleNumWithoutEquityCurve(Ta4jDoubleSeries s) {
        return new BarSeriesManager(s.series, new TradeOnNextOpenModel()).run(strategy(s.series)).getPositionCount();
    }

    @Benchmark
    @OperationsPerInvocation(Market.SMALL_BARS)
    public double ta4jDecimalNum(Ta4jDecimalSeries s) {
        return ta4jRun(s.series);
    }

    static double ta4jRun(BarSeries series) {
        TradingRecord record = new BarSeriesManager(series, new TradeOnNextOpenModel()).run(strategy(series));
        CashFlow equity = new CashFlow(series, record);
        return equity.getValue(series.getEndIndex()).doubleValue();
    }

    private static Strategy strategy(BarSeries series) {
        ClosePriceIndicator close = new ClosePriceIndicator(series);
        SMAIndicator fast = new SMAIndicator(close, FAST);
        SMAIndicator slow = new SMAIndicator(close, SLOW);
        return new BaseStrategy(new CrossedUpIndicatorRule(fast, slow), new CrossedDownIndicatorRule(fast, slow), SLOW);
    }
}
