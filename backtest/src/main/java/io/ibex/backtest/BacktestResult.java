package io.ibex.backtest;

import io.ibex.execution.Trade;
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
 * @param position    signed units held at each bar's close (empty when the producer did not record it)
 * @param series      the bars of each instrument traded, in {@code --data} order: {@code List.of(bars)} for a single
 *                    run, the per-instrument series of a portfolio run (whose {@code bars} is the merged timeline)
 */
public record BacktestResult(Bars bars, BacktestConfig config, double[] equity, List<Trade> trades,
                             List<OrderLogEntry> orders, BigDecimal finalEquity, BigDecimal totalCommission,
                             List<Position> openPositions, long openSinceMillis, long elapsedNanos,
                             double[] position, List<Bars> series) {
    public BacktestResult {
        Objects.requireNonNull(bars, "bars");
        Objects.requireNonNull(config, "config");
        Objects.requireNonNull(equity, "equity");
        Objects.requireNonNull(finalEquity, "finalEquity");
        Objects.requireNonNull(totalCommission, "totalCommission");
        trades = List.copyOf(trades);
        orders = List.copyOf(orders);
        openPositions = List.copyOf(openPositions);
        if (position == null) position = new double[0];
        series = series == null ? List.of(bars) : List.copyOf(series);
    }

    /** A result of one instrument: its bars are the only series. */
    public BacktestResult(Bars bars, BacktestConfig config, double[] equity, List<Trade> trades, List<OrderLogEntry> orders,
                          BigDecimal finalEquity, BigDecimal totalCommission, List<Position> openPositions,
                          long openSinceMillis, long elapsedNanos, double[] position) {
        this(bars, config, equity, trades, orders, finalEquity, totalCommission, openPositions, openSinceMillis,
            elapsedNanos, position, null);
    }

    /** A result without the per-bar position (exposure is then unknown). */
    public BacktestResult(Bars bars, BacktestConfig config, double[] equity, List<Trade> trades, List<OrderLogEntry> orders,
                          BigDecimal finalEquity, BigDecimal totalCommission, List<Position> openPositions,
                          long openSinceMillis, long elapsedNanos) {
        this(bars, config, equity, trades, orders, finalEquity, totalCommission, openPositions, openSinceMillis,
            elapsedNanos, new double[0]);
    }

    public BigDecimal initialCash() { return config.initialCash(); }

    /** Orders in the log with the given event, e.g. "submitted". */
    public List<OrderLogEntry> orders(String event) {
        return orders.stream().filter(o -> o.event().equals(event)).toList();
    }
}
