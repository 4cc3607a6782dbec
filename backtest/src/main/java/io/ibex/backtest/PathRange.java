package io.ibex.backtest;

import io.ibex.execution.IntrabarPath;
import io.ibex.framework.domain.Bars;
import io.ibex.framework.strategy.Strategy;

import java.math.BigDecimal;
import java.util.Collections;
import java.util.EnumMap;
import java.util.Map;
import java.util.Objects;
import java.util.function.Supplier;

/**
 * Net profit of the same run under every {@link IntrabarPath}: no path assumption is true, so the spread between them
 * is how much of a limit/stop strategy's result is an artefact of the assumption. Zero for market-order strategies.
 *
 * @param netProfit final equity minus initial cash, per path, in {@link IntrabarPath} order
 */
public record PathRange(Map<IntrabarPath, BigDecimal> netProfit) {
    public PathRange {
        Objects.requireNonNull(netProfit, "netProfit");
        if (netProfit.isEmpty()) throw new IllegalArgumentException("a path range needs at least one path");
        netProfit = Collections.unmodifiableMap(new EnumMap<>(netProfit));
    }

    /** Runs {@code config} once per path, each with a fresh strategy from {@code strategies}. */
    public static PathRange of(BacktestConfig config, Bars bars, Supplier<Strategy> strategies) {
        Map<IntrabarPath, BigDecimal> out = new EnumMap<>(IntrabarPath.class);
        for (IntrabarPath p : IntrabarPath.values()) {
            BacktestResult r = new BacktestEngine(config.withIntrabar(p)).run(bars, strategies.get());
            out.put(p, r.finalEquity().subtract(r.initialCash()));
        }
        return new PathRange(out);
    }

    public BigDecimal min() { return netProfit.values().stream().reduce(BigDecimal::min).orElseThrow(); }

    public BigDecimal max() { return netProfit.values().stream().reduce(BigDecimal::max).orElseThrow(); }

    /** max − min: zero when the intrabar assumption does not matter for this run. */
    public BigDecimal width() { return max().subtract(min()); }
}
