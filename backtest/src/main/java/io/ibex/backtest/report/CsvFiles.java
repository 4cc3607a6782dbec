package io.ibex.backtest.report;

import io.ibex.framework.domain.DecimalText;
import io.ibex.backtest.BacktestResult;
import io.ibex.backtest.OrderLogEntry;
import io.ibex.backtest.PortfolioEngine;
import io.ibex.execution.IsoTime;
import io.ibex.execution.RunCsv;
import io.ibex.execution.Trade;
import io.ibex.backtest.metrics.PerformanceMetrics;

import java.io.IOException;
import java.io.Writer;
import java.math.BigDecimal;

/** trades.csv, orders.csv and equity.csv. Times are ISO-8601 UTC, money is exact plain decimal text. */
public final class CsvFiles {
    public static final String TRADES_HEADER = RunCsv.TRADES_HEADER;
    public static final String ORDERS_HEADER = RunCsv.ORDERS_HEADER;
    public static final String EQUITY_HEADER = "time,equity,drawdown";

    private CsvFiles() {}

    /** trades.csv; a portfolio run (several instruments) adds a last column {@code symbol}, a single-symbol run does not. */
    public static void trades(BacktestResult r, Writer w) throws IOException {
        boolean withSymbol = PortfolioEngine.isPortfolio(r);
        CsvOut out = new CsvOut(w);
        out.row().append(RunCsv.tradesHeader(withSymbol));
        out.endRow();
        for (Trade t : r.trades()) {
            RunCsv.trade(out.row(), t, withSymbol);
            out.endRow();
        }
        out.flush();
    }

    /** orders.csv; like trades.csv, a portfolio run adds a last column {@code symbol}. */
    public static void orders(BacktestResult r, Writer w) throws IOException {
        boolean withSymbol = PortfolioEngine.isPortfolio(r);
        CsvOut out = new CsvOut(w);
        out.row().append(RunCsv.ordersHeader(withSymbol));
        out.endRow();
        for (OrderLogEntry o : r.orders()) {
            RunCsv.order(out.row(), o.timeMillis(), o.orderId(), o.event(), o.side(), o.quantity(), o.type(), o.price(),
                o.commission(), o.note(), o.instrument(), withSymbol);
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
}
