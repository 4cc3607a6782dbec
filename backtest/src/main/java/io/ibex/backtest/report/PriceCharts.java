package io.ibex.backtest.report;

import io.ibex.backtest.BacktestResult;
import io.ibex.backtest.OrderLogEntry;
import io.ibex.execution.Trade;
import io.ibex.framework.domain.Bars;
import io.ibex.framework.domain.Position;

import java.util.ArrayList;
import java.util.List;

/**
 * One close-price chart per instrument of the run, with its trades' entries (green), exits (red) and the position
 * still open at the end (amber); each marker's {@code <title>} says what happened.
 */
final class PriceCharts {
    /** Beyond this many trades the price charts show no markers (they would hide the price). */
    static final int MAX_MARKED_TRADES = 1000;

    private PriceCharts() {}

    static String render(BacktestResult r) {
        StringBuilder b = new StringBuilder(64 * 1024);
        boolean marked = r.trades().size() <= MAX_MARKED_TRADES;
        for (Bars s : r.series()) {
            String symbol = s.instrument().symbol();
            int n = s.size();
            long[] time = new long[n];
            double[] close = new double[n];
            for (int i = 0; i < n; i++) {
                time[i] = s.time(i);
                close[i] = s.close(i);
            }
            List<SvgChart.Marker> markers = marked ? markers(r, symbol) : List.of();
            b.append(SvgChart.render("Price of " + symbol + " (close) with entries (green), exits (red) and the open position (amber)",
                "price (" + s.instrument().currency() + ")", time,
                List.of(new SvgChart.Series(symbol, close, "#444")), false, 300, markers));
        }
        if (!marked)
            b.append("<p>").append(r.trades().size()).append(" trades: too many to mark on the price chart; see trades.csv.</p>\n");
        return b.toString();
    }

    /**
     * When the symbol's open position was entered: its first fill after its last closed trade, or that trade's exit
     * when no fill follows (a reversal opens the position with the fill that closes the trade). The result's own
     * {@code openSinceMillis} is the earliest over all symbols, wrong for the others in a portfolio.
     */
    private static long openSince(BacktestResult r, String symbol) {
        if (r.series().size() == 1) return r.openSinceMillis();
        long lastExit = Long.MIN_VALUE;
        for (Trade t : r.trades()) if (t.instrument().symbol().equals(symbol)) lastExit = Math.max(lastExit, t.exitTimeMillis());
        for (OrderLogEntry e : r.orders())
            if (e.event().equals("filled") && e.instrument() != null && e.instrument().symbol().equals(symbol)
                && e.timeMillis() > lastExit) return e.timeMillis();
        return lastExit;
    }

    private static List<SvgChart.Marker> markers(BacktestResult r, String symbol) {
        List<SvgChart.Marker> markers = new ArrayList<>();
        for (Trade t : r.trades()) {
            if (!t.instrument().symbol().equals(symbol)) continue;
            markers.add(new SvgChart.Marker(t.entryTimeMillis(), t.entryPrice().doubleValue(), "#1a7f37",
                "enter " + t.direction() + " " + CsvFiles.plain(t.quantity()) + " @ " + CsvFiles.plain(t.entryPrice())
                    + " " + CsvFiles.iso(t.entryTimeMillis())));
            markers.add(new SvgChart.Marker(t.exitTimeMillis(), t.exitPrice().doubleValue(), "#cf222e",
                "exit @ " + CsvFiles.plain(t.exitPrice()) + " " + CsvFiles.iso(t.exitTimeMillis()) + ", pnl "
                    + CsvFiles.plain(t.pnl())));
        }
        for (Position open : r.openPositions()) {
            if (!open.instrument().symbol().equals(symbol)) continue;
            long since = openSince(r, symbol);
            if (since == Long.MIN_VALUE) continue;
            markers.add(new SvgChart.Marker(since, open.averagePrice().doubleValue(), "#9a6700",
                "open " + CsvFiles.plain(open.quantity()) + " @ " + CsvFiles.plain(open.averagePrice()) + " since "
                    + CsvFiles.iso(since)));
        }
        return markers;
    }
}
