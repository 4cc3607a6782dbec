package io.ibex.backtest;

import io.ibex.backtest.commission.CommissionModel;
import io.ibex.framework.error.ConfigException;

/**
 * Turns {@code --commission NAME} into a model. Only {@code none} lives here; the IBKR schedules and the per-share and
 * percent models come with {@code io.ibex.backtest.commission.CommissionModels} and are wired in through it.
 */
public final class Commissions {
    private Commissions() {}

    public static CommissionModel parse(String name) {
        if (name == null || name.equals("none")) return BacktestConfig.NO_COMMISSION;
        throw new ConfigException("unknown commission model '" + name + "'; known: none");
    }
}
