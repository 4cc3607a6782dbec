package io.ibex.framework.indicator;

import io.ibex.framework.domain.Bars;
import io.ibex.framework.domain.Instrument;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

class IndicatorCacheTest {
    private static Bars bars(int n) {
        long[] t = new long[n];
        double[] o = new double[n], h = new double[n], l = new double[n], c = new double[n], v = new double[n];
        for (int i = 0; i < n; i++) {
            t[i] = i * 60_000L;
            c[i] = 100 + Math.sin(i / 7.0) * 5 + i * 0.01;
            o[i] = c[i];
            h[i] = c[i] + 1;
            l[i] = c[i] - 1;
            v[i] = 10;
        }
        return Bars.of(Instrument.of("T"), "test", t, o, h, l, c, v);
    }

    @Test
    void aSmaColumnHoldsWhatTheStreamingSmaReturnsAfterEachBar() {
        Bars b = bars(500);
        double[] column = new IndicatorCache(b, 1 << 20).smaOfClose(20);
        Sma sma = new Sma(20);
        for (int i = 0; i < b.size(); i++) assertThat(column[i]).isEqualTo(sma.update(b.close(i)));
    }

    @Test
    void eachColumnIsComputedOnceWhateverTheThreads() throws InterruptedException {
        IndicatorCache cache = new IndicatorCache(bars(1000), 1 << 20);
        AtomicInteger computed = new AtomicInteger();
        List<Thread> threads = new ArrayList<>();
        List<double[]> seen = java.util.Collections.synchronizedList(new ArrayList<>());
        for (int k = 0; k < 8; k++)
            threads.add(Thread.ofPlatform().start(() -> seen.add(cache.column("x", b -> {
                computed.incrementAndGet();
                return new double[b.size()];
            }))));
        for (Thread t : threads) t.join();
        assertThat(computed).hasValue(1);
        assertThat(seen).hasSize(8).allSatisfy(c -> assertThat(c).isSameAs(seen.get(0)));
    }

    @Test
    void beyondTheBudgetAColumnIsNotKeptAndNoneKeepsNothing() {
        IndicatorCache cache = new IndicatorCache(bars(100), 8 * 100 * 2);   // room for two columns
        assertThat(cache.smaOfClose(5)).isNotNull();
        assertThat(cache.smaOfClose(10)).isNotNull();
        assertThat(cache.smaOfClose(20)).isNull();
        assertThat(cache.smaOfClose(5)).isNotNull();                        // kept ones are still served
        assertThat(IndicatorCache.none().smaOfClose(5)).isNull();
    }
}
