package io.ibex.backtest.report;

import io.ibex.backtest.BacktestResult;
import io.ibex.execution.IntrabarPath;
import io.ibex.backtest.PathRange;
import io.ibex.backtest.metrics.Metrics;

import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * summary.json, with the keys of DESIGN.md in that order. Ratios are fractions; undefined statistics are null.
 * A {@code "plugins"} object (path -> SHA-256) is appended only when plugin JARs were loaded.
 */
public final class SummaryJson {
    private SummaryJson() {}

    /** A run without a path range, its statistics computed here. */
    public static String render(RunInfo info, BacktestResult r, Metrics m) {
        return render(info, r, m, null, ExtraStatistics.of(r));
    }

    /**
     * After the DESIGN.md keys come extra keys: {@code intrabar}, {@code volatility}, {@code max_drawdown_bars},
     * {@code exposure}, {@code average_trade}, {@code sharpe_ci} ([low, high]), {@code deflated_sharpe}, and with a
     * path range {@code path_range} ({@code {"ohlc": net, ..., "min": .., "max": .., "width": ..}}).
     *
     * @param x the run's extra statistics, computed once for every output file
     */
    public static String render(RunInfo info, BacktestResult r, Metrics m, PathRange pathRange, ExtraStatistics x) {
        double seconds = r.elapsedNanos() / 1e9;
        Map<String, String> f = new LinkedHashMap<>();
        f.put("strategy", Json.string(info.strategy()));
        f.put("params", object(info.params(), true));
        f.put("data", Json.string(info.data()));
        f.put("bars", Integer.toString(r.bars().size()));
        f.put("trades", Integer.toString(r.trades().size()));
        f.put("initial_cash", Json.number(r.initialCash()));
        f.put("final_equity", Json.number(r.finalEquity()));
        f.put("total_return", Json.number(m.totalReturn()));
        f.put("cagr", Json.number(m.cagr()));
        f.put("sharpe", Json.number(m.sharpe()));
        f.put("sortino", Json.number(m.sortino()));
        f.put("max_drawdown", Json.number(m.maxDrawdown()));
        f.put("win_rate", Json.number(m.winRate()));
        f.put("profit_factor", Json.number(m.profitFactor()));
        f.put("commission", Json.number(r.totalCommission()));
        f.put("elapsed_ms", Long.toString(r.elapsedNanos() / 1_000_000));
        f.put("bars_per_second", Json.number(seconds > 0 ? Math.floor(r.bars().size() / seconds) : Double.NaN));
        if (!info.plugins().isEmpty()) f.put("plugins", object(info.plugins(), false));
        f.put("intrabar", Json.string(r.config().intrabar().cliName()));
        f.put("volatility", Json.number(x.volatility()));
        f.put("max_drawdown_bars", Integer.toString(x.drawdownBars()));
        f.put("exposure", Json.number(x.exposure()));
        f.put("average_trade", Json.number(x.averageTrade()));
        f.put("sharpe_ci", "[" + Json.number(x.sharpeLow()) + ", " + Json.number(x.sharpeHigh()) + "]");
        f.put("deflated_sharpe", Json.number(x.deflatedSharpe()));
        if (pathRange != null) {
            Map<String, String> pr = new LinkedHashMap<>();
            for (Map.Entry<IntrabarPath, BigDecimal> e : pathRange.netProfit().entrySet())
                pr.put(e.getKey().cliName(), Json.number(e.getValue()));
            pr.put("min", Json.number(pathRange.min()));
            pr.put("max", Json.number(pathRange.max()));
            pr.put("width", Json.number(pathRange.width()));
            StringBuilder o = new StringBuilder("{");
            for (Map.Entry<String, String> e : pr.entrySet())
                o.append(o.length() > 1 ? ", " : "").append(Json.string(e.getKey())).append(": ").append(e.getValue());
            f.put("path_range", o.append('}').toString());
        }
        StringBuilder b = new StringBuilder(1024).append("{\n");
        int k = 0;
        for (Map.Entry<String, String> e : f.entrySet()) {
            b.append("  ").append(Json.string(e.getKey())).append(": ").append(e.getValue());
            b.append(++k < f.size() ? ",\n" : "\n");
        }
        return b.append("}\n").toString();
    }

    private static String object(Map<String, String> map, boolean numbersAsNumbers) {
        StringBuilder b = new StringBuilder("{");
        for (Map.Entry<String, String> e : map.entrySet()) {
            if (b.length() > 1) b.append(", ");
            b.append(Json.string(e.getKey())).append(": ")
                .append(numbersAsNumbers ? Json.value(e.getValue()) : Json.string(e.getValue()));
        }
        return b.append('}').toString();
    }
}
