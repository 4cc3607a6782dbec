package io.ibex.backtest;

import io.ibex.backtest.commission.CommissionModel;
import io.ibex.backtest.commission.NoCommission;

import java.math.BigDecimal;
import java.util.Objects;

/**
 * How one backtest runs. {@link #defaults()} reproduces Ta4j's {@code BarSeriesManager} defaults: quantity 1, no
 * commission, no slippage, fills at the next bar's open.
 *
 * @param slippageBps adverse price move on market and stop fills, in basis points (0 = none)
 */
public record BacktestConfig(BigDecimal initialCash, Sizing sizing, CommissionModel commission, BigDecimal slippageBps,
                             FillMode fillMode) {
    public static final CommissionModel NO_COMMISSION = NoCommission.INSTANCE;

    public BacktestConfig {
        Objects.requireNonNull(initialCash, "initialCash");
        Objects.requireNonNull(sizing, "sizing");
        Objects.requireNonNull(commission, "commission");
        Objects.requireNonNull(slippageBps, "slippageBps");
        Objects.requireNonNull(fillMode, "fillMode");
        if (initialCash.signum() <= 0) throw new IllegalArgumentException("initial cash must be positive, was " + initialCash);
        if (slippageBps.signum() < 0) throw new IllegalArgumentException("slippage must not be negative, was " + slippageBps + " bps");
    }

    public static BacktestConfig defaults() {
        return new BacktestConfig(new BigDecimal("100000"), new Sizing.FixedQuantity(BigDecimal.ONE), NO_COMMISSION,
            BigDecimal.ZERO, FillMode.NEXT_OPEN);
    }

    public BacktestConfig withInitialCash(BigDecimal cash) { return new BacktestConfig(cash, sizing, commission, slippageBps, fillMode); }
    public BacktestConfig withSizing(Sizing s) { return new BacktestConfig(initialCash, s, commission, slippageBps, fillMode); }
    public BacktestConfig withCommission(CommissionModel c) { return new BacktestConfig(initialCash, sizing, c, slippageBps, fillMode); }
    public BacktestConfig withSlippageBps(BigDecimal bps) { return new BacktestConfig(initialCash, sizing, commission, bps, fillMode); }
    public BacktestConfig withFillMode(FillMode m) { return new BacktestConfig(initialCash, sizing, commission, slippageBps, m); }
}
