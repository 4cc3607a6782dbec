package io.ibex.framework.indicator;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.management.ManagementFactory;
import org.junit.jupiter.api.Test;

/**
 * STYLE 2.8: {@code update()} allocates nothing. Counted with the JVM's per-thread allocation counter over 200k
 * updates of every indicator (JMH's {@code gc.alloc.rate.norm} in IndicatorBenchmark is the benchmark-side proof).
 */
class NoAllocationTest {
    private static final com.sun.management.ThreadMXBean THREADS =
            (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();

    @Test
    void updatingEveryIndicatorAllocatesNothing() {
        Sma sma = new Sma(20);
        Ema ema = new Ema(20);
        Rsi rsi = new Rsi(14);
        Rsi wilder = Rsi.wilder(14);
        Macd macd = new Macd(12, 26, 9);
        BollingerBands bands = new BollingerBands(20, 2);
        Atr atr = new Atr(14);
        OhlcSeries bars = OhlcSeries.randomWalk(5, 200_000);
        double[] high = bars.high();
        double[] low = bars.low();
        double[] close = bars.close();
        long thread = Thread.currentThread().threadId();
        long before = THREADS.getThreadAllocatedBytes(thread);
        double sum = 0;
        for (int i = 0; i < close.length; i++) {
            double x = close[i];
            double all = sma.update(x) + ema.update(x) + rsi.update(x) + wilder.update(x) + macd.update(x) + macd.signal()
                    + macd.histogram() + bands.update(x) + bands.upper() + bands.lower() + bands.width()
                    + atr.update(high[i], low[i], x);
            if (i >= 40) {                              // every indicator is warm by bar 40
                sum += all;
            }
        }
        long allocated = THREADS.getThreadAllocatedBytes(thread) - before;
        assertThat(sum).isFinite().isNotZero();
        assertThat(allocated).as("bytes allocated by 200k updates").isLessThan(1_024);
    }
}
