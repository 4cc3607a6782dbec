package io.ibex.bench;

import io.ibex.framework.domain.Bars;
import io.ibex.framework.domain.Instrument;
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
import org.ta4j.core.num.DecimalNumFactory;
import org.ta4j.core.num.DoubleNumFactory;

/** Building an in-memory series from primitive columns (what every importer ends with). Score = ns per bar. */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@State(Scope.Benchmark)
public class SeriesConstructionBenchmark {
    private static final Instrument SYN = Instrument.of("SYN");
    SyntheticBars bars;

    @Setup(Level.Trial)
    public void setUp() {
        bars = Market.oneMillion();
    }

    /** {@code Bars.of}: validates every bar and copies the six columns. */
    @Benchmark
    @OperationsPerInvocation(Market.BARS)
    public Bars ibexBarsOf() {
        return Bars.of(SYN, "bench", bars.time(), bars.open(), bars.high(), bars.low(), bars.close(), bars.volume());
    }

    /** {@code Bars.builder().add(...)} one bar at a time, as a streaming reader would. */
    @Benchmark
    @OperationsPerInvocation(Market.BARS)
    public Bars ibexBuilder() {
        Bars.Builder builder = Bars.builder(SYN, "bench");
        long[] time = bars.time();
        for (int i = 0; i < time.length; i++) {
            builder.add(time[i], bars.open()[i], bars.high()[i], bars.low()[i], bars.close()[i], bars.volume()[i]);
        }
        return builder.build();
    }

    @Benchmark
    @OperationsPerInvocation(Market.BARS)
    public BarSeries ta4jDoubleNum() {
        return Ta4jSeries.of(bars, Market.BARS, DoubleNumFactory.getInstance());
    }

    @Benchmark
    @OperationsPerInvocation(Market.SMALL_BARS)
    public BarSeries ta4jDecimalNum() {
        return Ta4jSeries.of(bars, Market.SMALL_BARS, DecimalNumFactory.getInstance());
    }
}
