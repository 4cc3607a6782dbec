package io.ibex.backtest.report;

import io.ibex.framework.domain.DecimalText;
import io.ibex.backtest.BacktestResult;
import io.ibex.backtest.OrderLogEntry;
import io.ibex.backtest.PortfolioEngine;
import io.ibex.backtest.Trade;
import io.ibex.backtest.metrics.PerformanceMetrics;

import java.io.IOException;
import java.io.Writer;
import java.math.BigDecimal;
import java.time.Instant;

/** trades.csv, orders.csv and equity.csv. Times are ISO-8601 UTC, money is exact plain decimal text. */
public final class CsvFiles {
    public static final String TRADES_HEADER = "entry_time,entry_price,exit_time,exit_price,side,quantity,pnl,commission";
    public static final String ORDERS_HEADER = "time,order_id,event,side,quantity,type,price,commission,note";
    public static final String EQUITY_HEADER = "time,equity,drawdown";

    private CsvFiles() {}

    /** trades.csv; a portfolio run (several instruments) adds a last column {@code symbol}, a single-symbol run does not. */
    public static void trades(BacktestResult r, Writer w) throws IOException {
        boolean withSymbol = PortfolioEngine.isPortfolio(r);
        w.write(withSymbol ? TRADES_HEADER + ",symbol" : TRADES_HEADER);
        w.write('\n');
        for (Trade t : r.trades()) {
            w.write(iso(t.entryTimeMillis()) + ',' + plain(t.entryPrice()) + ',' + iso(t.exitTimeMillis()) + ','
                + plain(t.exitPrice()) + ',' + t.direction() + ',' + plain(t.quantity()) + ','
                + plain(t.pnl()) + ',' + plain(t.commission()) + (withSymbol ? "," + quote(t.instrument().symbol()) : "") + '\n');
        }
    }

    /** orders.csv; like trades.csv, a portfolio run adds a last column {@code symbol}. */
    public static void orders(BacktestResult r, Writer w) throws IOException {
        boolean withSymbol = PortfolioEngine.isPortfolio(r);
        w.write(withSymbol ? ORDERS_HEADER + ",symbol" : ORDERS_HEADER);
        w.write('\n');
        for (OrderLogEntry o : r.orders()) {
            w.write(iso(o.timeMillis()) + ',' + o.orderId() + ',' + o.event() + ',' + o.side() + ','
                + plain(o.quantity()) + ',' + o.type() + ',' + plain(o.price()) + ',' + plain(o.commission()) + ','
                + quote(o.note()) + (withSymbol ? "," + quote(o.instrument() == null ? "" : o.instrument().symbol()) : "") + '\n');
        }
    }

    public static void equity(BacktestResult r, Writer w) throws IOException {
        w.write(EQUITY_HEADER);
        w.write('\n');
        double[] e = r.equity();
        double[] dd = PerformanceMetrics.drawdowns(e);
        StringBuilder line = new StringBuilder(64);
        for (int i = 0; i < e.length; i++) {
            line.setLength(0);
            line.append(iso(r.bars().time(i))).append(',').append(e[i]).append(',').append(dd[i]).append('\n');
            w.append(line);
        }
    }

    static String iso(long millis) { return Instant.ofEpochMilli(millis).toString(); }

    /** Exact decimal text without trailing zeros: {@link DecimalText#plain}. */
    public static String plain(BigDecimal v) { return DecimalText.plain(v); }

    private static String quote(String s) {
        if (s.indexOf(',') < 0 && s.indexOf('"') < 0 && s.indexOf('\n') < 0) return s;
        return '"' + s.replace("\"", "\"\"") + '"';
    }
}
