package io.ibex.bench;

import io.ibex.backtest.stats.Pbo;
import io.ibex.backtest.stats.PboResult;
import io.ibex.backtest.stats.SharpeBootstrap;
import io.ibex.backtest.stats.SharpeInterval;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

import java.util.random.RandomGenerator;
import java.util.random.RandomGeneratorFactory;
import java.util.concurrent.TimeUnit;

/** A sweep-sized PBO (2,520 daily returns x 50 parameter sets, S = 16) and a default Sharpe bootstrap. */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 2, time = 2)
@Measurement(iterations = 3, time = 2)
@Fork(1)
public class PboBenchmark {
    private double[][] sweep;
    private double[] returns;

    @Setup
    public void setUp() {
        RandomGenerator rng = RandomGeneratorFactory.of("L64X128MixRandom").create(1);
        sweep = new double[2520][50];
        for (double[] row : sweep) for (int j = 0; j < row.length; j++) row[j] = rng.nextGaussian() * 0.01;
        returns = new double[2520];
        for (int i = 0; i < returns.length; i++) returns[i] = 0.0005 + rng.nextGaussian() * 0.01;
    }

    @Benchmark
    public PboResult pboSixteenBlocks() {
        return Pbo.cscv(sweep, 16);
    }

    @Benchmark
    public SharpeInterval sharpeBootstrap2000() {
        return SharpeBootstrap.interval(returns, 252, 7);
    }
}
