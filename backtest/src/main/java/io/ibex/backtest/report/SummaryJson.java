package io.ibex.backtest.report;

import io.ibex.backtest.BacktestResult;
import io.ibex.backtest.metrics.Metrics;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * summary.json, with the keys of DESIGN.md in that order. Ratios are fractions; undefined statistics are null.
 * A {@code "plugins"} object (path -> SHA-256) is appended only when plugin JARs were loaded.
 */
public final class SummaryJson {
    private SummaryJson() {}

    public static String render(RunInfo info, BacktestResult r, Metrics m) {
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
