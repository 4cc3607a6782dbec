package io.ibex.execution.commission;

import io.ibex.framework.domain.Instrument;
import io.ibex.framework.domain.Side;

import java.math.BigDecimal;
import java.util.Objects;

/**
 * {@code ibkr-tiered}: IBKR Pro Tiered for US stocks. IBKR's part is the marginal volume-tier cost clamped to
 * {@code min(max(cost, 0.35), 1% of trade value)}; exchange, clearing, pass-through and regulatory fees are added on
 * top (the 1% cap covers IBKR's commission only). The model is a pure function: month-to-date volume comes in as an
 * argument, and {@link CommissionLedger} tracks it across fills and months. The 4-argument {@code commission}
 * prices an order as the month's first (lowest volume, highest tier rate).
 */
public record IbkrTieredCommission(VolumeTiers tiers, BigDecimal minimumPerOrder, BigDecimal maxFractionOfValue,
                                   ThirdPartyFees fees) implements CommissionModel {
    private static final BigDecimal ONE_DOLLAR = BigDecimal.ONE;

    public IbkrTieredCommission {
        Objects.requireNonNull(tiers, "tiers");
        Orders.requireNonNegative(minimumPerOrder, "minimumPerOrder");
        Orders.requireNonNegative(maxFractionOfValue, "maxFractionOfValue");
        Objects.requireNonNull(fees, "fees");
    }

    /** The published IBKR schedule and fees ({@link IbkrUsStockRates}). */
    public static IbkrTieredCommission ibkr() {
        return new IbkrTieredCommission(VolumeTiers.ibkr(), IbkrUsStockRates.TIERED_MINIMUM,
            IbkrUsStockRates.MAX_FRACTION_OF_VALUE, ThirdPartyFees.ibkr());
    }

    @Override
    public BigDecimal commission(Instrument instrument, Side side, BigDecimal quantity, BigDecimal price) {
        return commission(instrument, side, quantity, price, BigDecimal.ZERO);
    }

    @Override
    public BigDecimal commission(Instrument instrument, Side side, BigDecimal quantity, BigDecimal price,
                                 BigDecimal monthVolumeBefore) {
        Orders.check(instrument, side, quantity, price);
        return breakdown(side, quantity, price, monthVolumeBefore).total();
    }

    /** The charge split into its statement lines, for reports and tests. */
    public TieredCharge breakdown(Side side, BigDecimal quantity, BigDecimal price, BigDecimal monthVolumeBefore) {
        Objects.requireNonNull(side, "side");
        Orders.requireNonNegative(quantity, "quantity");
        Orders.requireNonNegative(price, "price");
        Orders.requireNonNegative(monthVolumeBefore, "monthVolumeBefore");
        BigDecimal value = quantity.multiply(price);
        BigDecimal ibkr = PerShareCommission.capped(tiers.marginalCost(monthVolumeBefore, quantity), minimumPerOrder,
            maxFractionOfValue.multiply(value));
        BigDecimal exchange = price.compareTo(ONE_DOLLAR) >= 0
            ? fees.exchangePerShare().multiply(quantity)
            : fees.exchangePerValueBelowOneDollar().multiply(value);
        BigDecimal clearing = fees.clearingPerShare().multiply(quantity)
            .min(fees.clearingMaxFractionOfValue().multiply(value));
        BigDecimal passThrough = fees.passThroughPerCommission().multiply(ibkr);
        BigDecimal regulatory = fees.catPerShare().multiply(quantity);
        if (side == Side.SELL) {
            regulatory = regulatory.add(fees.secPerValueSold().multiply(value))
                .add(fees.tafPerShareSold().multiply(quantity).min(fees.tafMaxPerTrade()));
        }
        return new TieredCharge(ibkr, exchange, clearing, passThrough, regulatory);
    }

    @Override public String toString() { return "ibkr-tiered"; }
}
