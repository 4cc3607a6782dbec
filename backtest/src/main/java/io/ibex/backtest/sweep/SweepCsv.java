package io.ibex.backtest.sweep;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.List;

/**
 * {@code sweep.csv}: one row per parameter set that ran, in grid order; the parameter columns, then
 * {@value #METRIC_COLUMNS}. Ratios have 6 decimals (plain fractions, HALF_EVEN), money is exact, an undefined
 * value (Sharpe of a flat curve, profit factor without a loss) is an empty cell. Same rows, same bytes.
 */
public final class SweepCsv {
    public static final String METRIC_COLUMNS =
        "trades,total_return,cagr,sharpe,sortino,max_drawdown,win_rate,profit_factor,final_equity,commission";

    private SweepCsv() {}

    public static String header(List<String> paramNames) {
        return String.join(",", paramNames) + "," + METRIC_COLUMNS;
    }

    public static String render(List<String> paramNames, List<SweepRow> rows) {
        StringBuilder b = new StringBuilder(64 * (rows.size() + 1)).append(header(paramNames)).append('\n');
        for (SweepRow r : rows) {
            if (!r.ran()) continue;
            for (String p : paramNames) b.append(r.params().get(p)).append(',');
            b.append(r.trades()).append(',').append(ratio(r.totalReturn())).append(',').append(ratio(r.cagr())).append(',')
                .append(ratio(r.sharpe())).append(',').append(ratio(r.sortino())).append(',')
                .append(ratio(r.maxDrawdown())).append(',').append(ratio(r.winRate())).append(',')
                .append(ratio(r.profitFactor())).append(',').append(money(r.finalEquity())).append(',')
                .append(money(r.commission())).append('\n');
        }
        return b.toString();
    }

    /** 6 decimals, or empty when undefined. */
    public static String ratio(double v) {
        if (!Double.isFinite(v)) return "";
        return BigDecimal.valueOf(v).setScale(6, RoundingMode.HALF_EVEN).toPlainString();
    }

    static String money(BigDecimal v) {
        if (v == null) return "";
        BigDecimal s = v.stripTrailingZeros();
        return (s.scale() < 0 ? s.setScale(0) : s).toPlainString();
    }
}
