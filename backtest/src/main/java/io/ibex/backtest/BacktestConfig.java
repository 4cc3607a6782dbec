package io.ibex.backtest;

import io.ibex.execution.IntrabarPath;
import io.ibex.framework.strategy.Sizing;
import io.ibex.execution.commission.CommissionModel;
import io.ibex.execution.commission.NoCommission;

import java.math.BigDecimal;
import java.util.Objects;

/**
 * How one backtest runs. {@link #defaults()} reproduces Ta4j's {@code BarSeriesManager} defaults: quantity 1, no
 * commission, no slippage, fills at the next bar's open.
 *
 * @param slippageBps adverse price move on market and stop fills, in basis points (0 = none)
 * @param intrabar    assumed path inside a bar for limit/stop orders (matters only when several can trigger in one bar)
 * @param margin      false (default): buys that open or add to a position are cut to what cash pays for, so cash never
 *                    goes negative; true: cash may go negative (no margin limit is modelled)
 * @param maxVolumePct at most this % of a bar's volume fills on that bar, the rest waits for later bars (0 = no cap)
 */
public record BacktestConfig(BigDecimal initialCash, Sizing sizing, CommissionModel commission, BigDecimal slippageBps,
                             FillMode fillMode, IntrabarPath intrabar, boolean margin, double maxVolumePct) {
    public static final CommissionModel NO_COMMISSION = NoCommission.INSTANCE;

    public BacktestConfig {
        Objects.requireNonNull(initialCash, "initialCash");
        Objects.requireNonNull(sizing, "sizing");
        Objects.requireNonNull(commission, "commission");
        Objects.requireNonNull(slippageBps, "slippageBps");
        Objects.requireNonNull(fillMode, "fillMode");
        Objects.requireNonNull(intrabar, "intrabar");
        if (!(maxVolumePct >= 0 && maxVolumePct <= 100))
            throw new IllegalArgumentException("max volume percentage must be in [0, 100], was " + maxVolumePct);
        if (initialCash.signum() <= 0) throw new IllegalArgumentException("initial cash must be positive, was " + initialCash);
        if (slippageBps.signum() < 0) throw new IllegalArgumentException("slippage must not be negative, was " + slippageBps + " bps");
    }

    /** The configuration with the default intrabar path ({@link IntrabarPath#PESSIMISTIC}), no margin, no volume cap. */
    public BacktestConfig(BigDecimal initialCash, Sizing sizing, CommissionModel commission, BigDecimal slippageBps,
                          FillMode fillMode) {
        this(initialCash, sizing, commission, slippageBps, fillMode, IntrabarPath.PESSIMISTIC, false, 0);
    }

    public static BacktestConfig defaults() {
        return new BacktestConfig(new BigDecimal("100000"), new Sizing.FixedQuantity(BigDecimal.ONE), NO_COMMISSION,
            BigDecimal.ZERO, FillMode.NEXT_OPEN);
    }

    public BacktestConfig withInitialCash(BigDecimal cash) { return new BacktestConfig(cash, sizing, commission, slippageBps, fillMode, intrabar, margin, maxVolumePct); }
    public BacktestConfig withSizing(Sizing s) { return new BacktestConfig(initialCash, s, commission, slippageBps, fillMode, intrabar, margin, maxVolumePct); }
    public BacktestConfig withCommission(CommissionModel c) { return new BacktestConfig(initialCash, sizing, c, slippageBps, fillMode, intrabar, margin, maxVolumePct); }
    public BacktestConfig withSlippageBps(BigDecimal bps) { return new BacktestConfig(initialCash, sizing, commission, bps, fillMode, intrabar, margin, maxVolumePct); }
    public BacktestConfig withIntrabar(IntrabarPath p) { return new BacktestConfig(initialCash, sizing, commission, slippageBps, fillMode, p, margin, maxVolumePct); }
    public BacktestConfig withMargin(boolean on) { return new BacktestConfig(initialCash, sizing, commission, slippageBps, fillMode, intrabar, on, maxVolumePct); }
    public BacktestConfig withMaxVolumePct(double pct) { return new BacktestConfig(initialCash, sizing, commission, slippageBps, fillMode, intrabar, margin, pct); }
    public BacktestConfig withFillMode(FillMode m) { return new BacktestConfig(initialCash, sizing, commission, slippageBps, m, intrabar, margin, maxVolumePct); }
}
