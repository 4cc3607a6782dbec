package io.ibex.backtest.sweep;

import io.ibex.backtest.RunOptions;
import io.ibex.backtest.BacktestConfig;
import io.ibex.framework.error.ConfigException;

import java.io.Serializable;
import java.math.BigDecimal;
import java.util.List;
import java.util.Objects;

/**
 * The backtest options shared by every run of a sweep, as text, so the job can travel to Spark executors and each
 * rebuilds the same {@link BacktestConfig} there ({@code CommissionModel}s are not serializable).
 *
 * @param quantity      units per new position, or null
 * @param percentEquity percent of equity per new position, or null (at most one of the two)
 * @param plugins       strategy plugin JAR paths (must exist at the same path wherever the job runs)
 */
public record SweepSettings(String strategy, List<String> plugins, String cash, String quantity, String percentEquity,
                            String commission, String slippageBps, String fill) implements Serializable {
    public SweepSettings {
        Objects.requireNonNull(strategy, "strategy");
        plugins = List.copyOf(plugins);
        Objects.requireNonNull(cash, "cash");
        Objects.requireNonNull(commission, "commission");
        Objects.requireNonNull(slippageBps, "slippageBps");
        Objects.requireNonNull(fill, "fill");
        if (quantity != null && percentEquity != null)
            throw new ConfigException("give --quantity or --percent-equity, not both");
    }

    public static SweepSettings defaults(String strategy) {
        return new SweepSettings(strategy, List.of(), "100000", null, null, "none", "0", "next-open");
    }

    /** The engine configuration; a {@link ConfigException} names the bad option. */
    public BacktestConfig toConfig() {
        return RunOptions.config(decimal("--cash", cash), quantity == null ? null : decimal("--quantity", quantity),
            percentEquity == null ? null : decimal("--percent-equity", percentEquity), commission,
            decimal("--slippage-bps", slippageBps), fill);
    }

    private static BigDecimal decimal(String option, String text) {
        try {
            return new BigDecimal(text.trim());
        } catch (NumberFormatException e) {
            throw new ConfigException(option + " must be a number, was '" + text + "'");
        }
    }
}
