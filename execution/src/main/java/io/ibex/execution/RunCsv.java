package io.ibex.execution;

import io.ibex.framework.domain.DecimalText;
import io.ibex.framework.domain.Fill;
import io.ibex.framework.domain.Instrument;
import io.ibex.framework.domain.OrderType;
import io.ibex.framework.domain.Side;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The one writer of {@code orders.csv} and {@code trades.csv} rows, for the backtest and for a live or replayed run
 * alike (DESIGN.md's formats), and the one accounting of round trips: a live run's fills go through the same
 * {@link Ledger} as the backtest's, so commission is split the same way. Times are ISO-8601 UTC ({@link IsoTime}),
 * money is exact plain decimal text; a portfolio run adds a last {@code symbol} column to both files.
 */
public final class RunCsv {
    public static final String TRADES_HEADER = "entry_time,entry_price,exit_time,exit_price,side,quantity,pnl,commission";
    public static final String ORDERS_HEADER = "time,order_id,event,side,quantity,type,price,commission,note";
    private static final String SYMBOL_COLUMN = ",symbol";

    private RunCsv() {}

    public static String tradesHeader(boolean withSymbol) { return TRADES_HEADER + (withSymbol ? SYMBOL_COLUMN : ""); }

    public static String ordersHeader(boolean withSymbol) { return ORDERS_HEADER + (withSymbol ? SYMBOL_COLUMN : ""); }

    /** One orders.csv row, without the line end. */
    public static StringBuilder order(StringBuilder b, long timeMillis, Object orderId, String event, Side side,
                                      BigDecimal quantity, OrderType type, BigDecimal price, BigDecimal commission,
                                      String note, Instrument instrumentOrNull, boolean withSymbol) {
        IsoTime.append(b, timeMillis).append(',').append(orderId).append(',').append(event).append(',').append(side)
            .append(',').append(plain(quantity)).append(',').append(type).append(',').append(plain(price)).append(',')
            .append(plain(commission)).append(',').append(quote(note));
        if (withSymbol) b.append(',').append(quote(instrumentOrNull == null ? "" : instrumentOrNull.symbol()));
        return b;
    }

    /** One trades.csv row, without the line end. */
    public static StringBuilder trade(StringBuilder b, Trade t, boolean withSymbol) {
        IsoTime.append(b, t.entryTimeMillis()).append(',').append(plain(t.entryPrice())).append(',');
        IsoTime.append(b, t.exitTimeMillis()).append(',').append(plain(t.exitPrice())).append(',')
            .append(t.direction()).append(',').append(plain(t.quantity())).append(',').append(plain(t.pnl()))
            .append(',').append(plain(t.commission()));
        if (withSymbol) b.append(',').append(quote(t.instrument().symbol()));
        return b;
    }

    /** The round trips of {@code fills} (in fill order) by the backtest's accounting, in the order they closed. */
    public static List<Trade> roundTrips(List<Fill> fills) {
        Map<Instrument, Ledger> ledgers = new LinkedHashMap<>();
        List<Trade> closed = new ArrayList<>();
        for (Fill f : fills) {
            Ledger l = ledgers.computeIfAbsent(f.instrument(), i -> new Ledger(i, BigDecimal.ZERO));
            int before = l.tradeCount();
            l.apply(f);
            if (l.tradeCount() > before) closed.addAll(l.trades().subList(before, l.tradeCount()));
        }
        return closed;
    }

    /** Exact decimal text without trailing zeros; empty for null. */
    public static String plain(BigDecimal v) { return DecimalText.plain(v); }

    public static String quote(String s) {
        if (s == null) return "";
        if (s.indexOf(',') < 0 && s.indexOf('"') < 0 && s.indexOf('\n') < 0) return s;
        return '"' + s.replace("\"", "\"\"") + '"';
    }
}
