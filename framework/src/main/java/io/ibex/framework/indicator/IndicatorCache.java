package io.ibex.framework.indicator;

import io.ibex.framework.domain.Bars;

import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;

/**
 * Indicator columns over one recorded series, each computed once and shared by every run over that series (the
 * parameter sets of a sweep): a strategy factory that opts in through
 * {@link io.ibex.framework.strategy.StrategyFactory#create(io.ibex.framework.strategy.Params, IndicatorCache)} asks
 * for a column by key and reads it by bar index instead of updating its own indicator. A column holds, for bar
 * {@code i}, exactly what the streaming indicator returns after bar {@code i}, so results never depend on the cache.
 *
 * <p>Thread-safe. Memory is bounded: once the columns would exceed the budget, {@link #column} returns {@code null}
 * and the strategy computes the indicator itself.
 */
public final class IndicatorCache {
    private static final IndicatorCache NONE = new IndicatorCache(null, 0);

    private final Bars bars;
    private final long budgetBytes;
    private final AtomicLong reserved = new AtomicLong();
    private final ConcurrentHashMap<String, double[]> columns = new ConcurrentHashMap<>();

    /** @param budgetBytes at most this many bytes of columns (8 per bar each) */
    public IndicatorCache(Bars bars, long budgetBytes) {
        this.bars = budgetBytes > 0 ? Objects.requireNonNull(bars, "bars") : bars;
        this.budgetBytes = budgetBytes;
    }

    /** A cache that holds nothing: every strategy computes its own indicators (live trading, single backtests). */
    public static IndicatorCache none() { return NONE; }

    /**
     * The column for {@code key}, computed by {@code compute} on first use (once, whatever the threads), or
     * {@code null} when it does not fit the budget.
     */
    public double[] column(String key, Function<Bars, double[]> compute) {
        double[] c = columns.get(key);
        if (c != null || budgetBytes <= 0) return c;
        long bytes = 8L * bars.size();
        if (reserved.addAndGet(bytes) > budgetBytes) {
            reserved.addAndGet(-bytes);
            return columns.get(key);
        }
        boolean[] computed = new boolean[1];
        c = columns.computeIfAbsent(key, k -> {
            computed[0] = true;
            return compute.apply(bars);
        });
        if (!computed[0]) reserved.addAndGet(-bytes);       // another run computed it meanwhile
        return c;
    }

    /** The {@link Sma} of the close after each bar ({@code null} beyond the budget). */
    public double[] smaOfClose(int period) {
        return column("sma(close," + period + ")", b -> {
            Sma sma = new Sma(period);
            double[] out = new double[b.size()];
            for (int i = 0; i < out.length; i++) out[i] = sma.update(b.close(i));
            return out;
        });
    }
}
