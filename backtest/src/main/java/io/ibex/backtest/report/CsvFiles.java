package io.ibex.backtest.report;

import io.ibex.framework.domain.DecimalText;
import io.ibex.backtest.BacktestResult;
import io.ibex.backtest.OrderLogEntry;
import io.ibex.backtest.PortfolioEngine;
import io.ibex.execution.Trade;
import io.ibex.backtest.metrics.PerformanceMetrics;

import java.io.IOException;
import java.io.Writer;
import java.math.BigDecimal;

/** trades.csv, orders.csv and equity.csv. Times are ISO-8601 UTC, money is exact plain decimal text. */
public final class CsvFiles {
    public static final String TRADES_HEADER = "entry_time,entry_price,exit_time,exit_price,side,quantity,pnl,commission";
    public static final String ORDERS_HEADER = "time,order_id,event,side,quantity,type,price,commission,note";
    public static final String EQUITY_HEADER = "time,equity,drawdown";

    private CsvFiles() {}

    /** trades.csv; a portfolio run (several instruments) adds a last column {@code symbol}, a single-symbol run does not. */
    public static void trades(BacktestResult r, Writer w) throws IOException {
        boolean withSymbol = PortfolioEngine.isPortfolio(r);
        CsvOut out = new CsvOut(w);
        out.row().append(withSymbol ? TRADES_HEADER + ",symbol" : TRADES_HEADER);
        out.endRow();
        for (Trade t : r.trades()) {
            StringBuilder b = out.row();
            IsoTime.append(b, t.entryTimeMillis()).append(',').append(plain(t.entryPrice())).append(',');
            IsoTime.append(b, t.exitTimeMillis()).append(',').append(plain(t.exitPrice())).append(',')
                .append(t.direction()).append(',').append(plain(t.quantity())).append(',').append(plain(t.pnl()))
                .append(',').append(plain(t.commission()));
            if (withSymbol) b.append(',').append(quote(t.instrument().symbol()));
            out.endRow();
        }
        out.flush();
    }

    /** orders.csv; like trades.csv, a portfolio run adds a last column {@code symbol}. */
    public static void orders(BacktestResult r, Writer w) throws IOException {
        boolean withSymbol = PortfolioEngine.isPortfolio(r);
        CsvOut out = new CsvOut(w);
        out.row().append(withSymbol ? ORDERS_HEADER + ",symbol" : ORDERS_HEADER);
        out.endRow();
        for (OrderLogEntry o : r.orders()) {
            StringBuilder b = out.row();
            IsoTime.append(b, o.timeMillis()).append(',').append(o.orderId()).append(',').append(o.event()).append(',')
                .append(o.side()).append(',').append(plain(o.quantity())).append(',').append(o.type()).append(',')
                .append(plain(o.price())).append(',').append(plain(o.commission())).append(',').append(quote(o.note()));
            if (withSymbol) b.append(',').append(quote(o.instrument() == null ? "" : o.instrument().symbol()));
            out.endRow();
        }
        out.flush();
    }

    public static void equity(BacktestResult r, Writer w) throws IOException {
        CsvOut out = new CsvOut(w);
        out.row().append(EQUITY_HEADER);
        out.endRow();
        double[] e = r.equity();
        double[] dd = PerformanceMetrics.drawdowns(e);
        for (int i = 0; i < e.length; i++) {
            IsoTime.append(out.row(), r.bars().time(i)).append(',').append(e[i]).append(',').append(dd[i]);
            out.endRow();
        }
        out.flush();
    }

    static String iso(long millis) { return IsoTime.append(new StringBuilder(24), millis).toString(); }

    /** Exact decimal text without trailing zeros: {@link DecimalText#plain}. */
    public static String plain(BigDecimal v) { return DecimalText.plain(v); }

    private static String quote(String s) {
        if (s.indexOf(',') < 0 && s.indexOf('"') < 0 && s.indexOf('\n') < 0) return s;
        return '"' + s.replace("\"", "\"\"") + '"';
    }
}
