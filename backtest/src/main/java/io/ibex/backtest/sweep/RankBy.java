package io.ibex.backtest.sweep;

import io.ibex.framework.error.ConfigException;

import java.util.Arrays;
import java.util.List;
import java.util.function.ToDoubleFunction;
import java.util.stream.Collectors;

/** {@code --rank-by}: the column that picks the best parameter set. NaN (undefined) ranks last; ties go to the lower grid index. */
public enum RankBy {
    SHARPE("sharpe", SweepRow::sharpe, true),
    SORTINO("sortino", SweepRow::sortino, true),
    TOTAL_RETURN("total_return", SweepRow::totalReturn, true),
    CAGR("cagr", SweepRow::cagr, true),
    PROFIT_FACTOR("profit_factor", SweepRow::profitFactor, true),
    WIN_RATE("win_rate", SweepRow::winRate, true),
    MAX_DRAWDOWN("max_drawdown", SweepRow::maxDrawdown, false);

    private final String column;
    private final ToDoubleFunction<SweepRow> value;
    private final boolean higherIsBetter;

    RankBy(String column, ToDoubleFunction<SweepRow> value, boolean higherIsBetter) {
        this.column = column;
        this.value = value;
        this.higherIsBetter = higherIsBetter;
    }

    public String column() { return column; }

    public double value(SweepRow row) { return value.applyAsDouble(row); }

    public boolean higherIsBetter() { return higherIsBetter; }

    public static RankBy parse(String text) {
        for (RankBy r : values()) if (r.column.equals(text)) return r;
        throw new ConfigException("unknown --rank-by '" + text + "'; use one of "
            + Arrays.stream(values()).map(RankBy::column).collect(Collectors.joining(", ")));
    }

    /** Position in {@code rows} of the best row that ran, or -1 when none ran. */
    public int best(List<SweepRow> rows) {
        int best = -1;
        for (int i = 0; i < rows.size(); i++) {
            SweepRow r = rows.get(i);
            if (!r.ran()) continue;
            if (best < 0 || better(value(r), value(rows.get(best)))) best = i;
        }
        return best;
    }

    /** Strictly better; a number beats NaN. */
    boolean better(double a, double b) {
        if (Double.isNaN(a)) return false;
        if (Double.isNaN(b)) return true;
        return higherIsBetter ? a > b : a < b;
    }
}
