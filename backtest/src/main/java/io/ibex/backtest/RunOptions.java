package io.ibex.backtest;

import io.ibex.backtest.BacktestConfig;
import io.ibex.backtest.FillMode;
import io.ibex.framework.strategy.Sizing;
import io.ibex.execution.commission.CommissionModels;
import io.ibex.framework.error.ConfigException;

import java.math.BigDecimal;

/**
 * The one check of the run options that {@code ibex backtest} and {@code ibex sweep} share (cash, sizing, commission,
 * slippage, fill), so both refuse the same values with the same message. Sweeps call it on every executor, from the
 * option text they carry.
 */
public final class RunOptions {
    /** A trillion: more cash than any account, and far from where doubles lose cents. */
    static final BigDecimal MAX_CASH = new BigDecimal("1000000000000");
    /** 10 %: beyond it a fill is no longer "slipped", it is a different price. */
    static final BigDecimal MAX_SLIPPAGE_BPS = new BigDecimal("1000");

    private RunOptions() {}

    /**
     * @param quantityOrNull       {@code --quantity}, or null
     * @param percentEquityOrNull  {@code --percent-equity}, or null (ignored when a quantity is given)
     */
    public static BacktestConfig config(BigDecimal cash, BigDecimal quantityOrNull, BigDecimal percentEquityOrNull,
                                        String commission, BigDecimal slippageBps, String fill) {
        if (cash.signum() <= 0 || cash.compareTo(MAX_CASH) > 0)
            throw new ConfigException("--cash must be in (0, " + MAX_CASH.toPlainString() + "], was " + shown(cash));
        if (slippageBps.signum() < 0 || slippageBps.compareTo(MAX_SLIPPAGE_BPS) > 0)
            throw new ConfigException("--slippage-bps must be in [0, " + MAX_SLIPPAGE_BPS.toPlainString() + "] (0 to 10 %), was "
                + shown(slippageBps));
        Sizing sizing = new Sizing.FixedQuantity(BigDecimal.ONE);
        if (quantityOrNull != null) {
            if (quantityOrNull.signum() <= 0)
                throw new ConfigException("--quantity must be positive, was " + quantityOrNull.toPlainString());
            sizing = new Sizing.FixedQuantity(quantityOrNull);
        } else if (percentEquityOrNull != null) {
            double p = percentEquityOrNull.doubleValue();
            if (!(p > 0 && p <= 100))
                throw new ConfigException("--percent-equity must be in (0, 100], was " + percentEquityOrNull.toPlainString());
            sizing = new Sizing.PercentOfEquity(p);
        }
        return BacktestConfig.defaults().withInitialCash(cash).withSizing(sizing)
            .withCommission(CommissionModels.parse(commission)).withSlippageBps(slippageBps).withFillMode(FillMode.parse(fill));
    }

    /** The number as typed when it is short; 1E+300 rather than a 301-digit plain string. */
    private static String shown(BigDecimal v) {
        return v.precision() - v.scale() > 20 ? v.toString() : v.toPlainString();
    }
}
