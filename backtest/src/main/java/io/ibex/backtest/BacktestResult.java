package io.ibex.backtest;

import io.ibex.framework.domain.Bars;
import io.ibex.framework.domain.Position;

import java.math.BigDecimal;
import java.util.List;
import java.util.Objects;

/**
 * Everything one run produced.
 *
 * @param equity      equity at each bar's close (cash + position × close), as doubles for statistics and charts
 * @param finalEquity exact: cash + position × last close
 * @param openSinceMillis when the position still open at the end was entered, or {@link Long#MIN_VALUE} when flat
 * @param elapsedNanos wall time of the bar loop only (no loading, no reporting)
 */
public record BacktestResult(Bars bars, BacktestConfig config, double[] equity, List<Trade> trades,
                             List<OrderLogEntry> orders, BigDecimal finalEquity, BigDecimal totalCommission,
                             List<Position> openPositions, long openSinceMillis, long elapsedNanos) {
    public BacktestResult {
        Objects.requireNonNull(bars, "bars");
        Objects.requireNonNull(config, "config");
        Objects.requireNonNull(equity, "equity");
        Objects.requireNonNull(finalEquity, "finalEquity");
        Objects.requireNonNull(totalCommission, "totalCommission");
        trades = List.copyOf(trades);
        orders = List.copyOf(orders);
        openPositions = List.copyOf(openPositions);
    }

    public BigDecimal initialCash() { return config.initialCash(); }

    /** Orders in the log with the given event, e.g. "submitted". */
    public List<OrderLogEntry> orders(String event) {
        return orders.stream().filter(o -> o.event().equals(event)).toList();
    }
}
