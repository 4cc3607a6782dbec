package io.ibex.backtest.sweep;

import java.io.Serializable;
import java.math.BigDecimal;
import java.util.Map;
import java.util.Objects;

/**
 * The result of one parameter set. A set the strategy refuses (e.g. fast >= slow) is a row with {@code skipped} set
 * and no numbers; it is counted, not fatal.
 *
 * @param skipped       why the set did not run, or null when it ran
 * @param periodReturns per-period returns for the overfitting report (see {@link PeriodReturns}); empty when skipped
 */
public record SweepRow(int gridIndex, Map<String, String> params, String skipped, int trades, double totalReturn,
                       double cagr, double sharpe, double sortino, double maxDrawdown, double winRate,
                       double profitFactor, BigDecimal finalEquity, BigDecimal commission, double[] periodReturns)
        implements Serializable {
    public SweepRow {
        params = ordered(params);
        Objects.requireNonNull(periodReturns, "periodReturns");
    }

    public static SweepRow skipped(int gridIndex, Map<String, String> params, String reason) {
        return new SweepRow(gridIndex, params, Objects.requireNonNull(reason, "reason"), 0, Double.NaN, Double.NaN,
            Double.NaN, Double.NaN, Double.NaN, Double.NaN, Double.NaN, null, null, new double[0]);
    }

    /** An unmodifiable copy that keeps the grid's parameter order (Map.copyOf would not) and is serializable. */
    static Map<String, String> ordered(Map<String, String> params) {
        return java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(params));
    }

    public boolean ran() { return skipped == null; }
}
