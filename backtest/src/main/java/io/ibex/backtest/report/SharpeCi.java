package io.ibex.backtest.report;

import io.ibex.framework.error.ConfigException;

import java.util.Locale;

/** How the report's 95% interval for the Sharpe ratio is computed ({@code --sharpe-ci}). */
public enum SharpeCi {
    /** Mertens/Lo standard error with a Newey-West correction, O(n): see {@link io.ibex.backtest.stats.SharpeAnalytic}. */
    ANALYTIC,
    /**
     * Stationary bootstrap, 2,000 resamples of at most 10,000 returns (daily points beyond that): see
     * {@link io.ibex.backtest.stats.SharpeBootstrap} and {@link io.ibex.backtest.stats.BootstrapPoints}.
     */
    BOOTSTRAP;

    public String cliName() { return name().toLowerCase(Locale.ROOT); }

    public static SharpeCi parse(String text) {
        for (SharpeCi c : values()) if (c.cliName().equals(text)) return c;
        throw new ConfigException("--sharpe-ci must be analytic or bootstrap, was '" + text + "'");
    }
}
