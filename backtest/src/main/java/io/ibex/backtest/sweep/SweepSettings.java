package io.ibex.backtest.sweep;

import io.ibex.backtest.BacktestConfig;
import io.ibex.backtest.commission.CommissionModels;
import io.ibex.backtest.FillMode;
import io.ibex.backtest.Sizing;
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
        BigDecimal c = decimal("--cash", cash);
        if (c.signum() <= 0) throw new ConfigException("--cash must be positive, was " + cash);
        BigDecimal slip = decimal("--slippage-bps", slippageBps);
        if (slip.signum() < 0) throw new ConfigException("--slippage-bps must not be negative, was " + slippageBps);
        Sizing sizing = new Sizing.FixedQuantity(BigDecimal.ONE);
        if (quantity != null) {
            BigDecimal q = decimal("--quantity", quantity);
            if (q.signum() <= 0) throw new ConfigException("--quantity must be positive, was " + quantity);
            sizing = new Sizing.FixedQuantity(q);
        } else if (percentEquity != null) {
            double p = decimal("--percent-equity", percentEquity).doubleValue();
            if (!(p > 0 && p <= 100)) throw new ConfigException("--percent-equity must be in (0, 100], was " + percentEquity);
            sizing = new Sizing.PercentOfEquity(p);
        }
        return BacktestConfig.defaults().withInitialCash(c).withSizing(sizing).withCommission(CommissionModels.parse(commission))
            .withSlippageBps(slip).withFillMode(FillMode.parse(fill));
    }

    private static BigDecimal decimal(String option, String text) {
        try {
            return new BigDecimal(text.trim());
        } catch (NumberFormatException e) {
            throw new ConfigException(option + " must be a number, was '" + text + "'");
        }
    }
}
