package io.ibex.execution.commission;

import java.math.BigDecimal;

/**
 * Fees IBKR Tiered passes on top of its own commission. All rates are per share, per unit of trade value, or per unit
 * of IBKR commission, as named. Sales-only fees (SEC, FINRA TAF) are zero on buys.
 *
 * @param exchangePerShare               exchange fee per share for prices >= 1.00 (removing liquidity)
 * @param exchangePerValueBelowOneDollar exchange fee per unit of trade value for prices < 1.00
 * @param clearingPerShare               NSCC/DTC clearing per share
 * @param clearingMaxFractionOfValue     cap on clearing as a fraction of trade value
 * @param secPerValueSold                SEC Section 31 fee per unit of value sold
 * @param tafPerShareSold                FINRA Trading Activity Fee per share sold
 * @param tafMaxPerTrade                 FINRA TAF cap per trade
 * @param catPerShare                    FINRA Consolidated Audit Trail fee per share (both sides)
 * @param passThroughPerCommission       NYSE + FINRA pass-through fees per unit of IBKR commission
 */
public record ThirdPartyFees(BigDecimal exchangePerShare, BigDecimal exchangePerValueBelowOneDollar,
                             BigDecimal clearingPerShare, BigDecimal clearingMaxFractionOfValue,
                             BigDecimal secPerValueSold, BigDecimal tafPerShareSold, BigDecimal tafMaxPerTrade,
                             BigDecimal catPerShare, BigDecimal passThroughPerCommission) {

    public ThirdPartyFees {
        Orders.requireNonNegative(exchangePerShare, "exchangePerShare");
        Orders.requireNonNegative(exchangePerValueBelowOneDollar, "exchangePerValueBelowOneDollar");
        Orders.requireNonNegative(clearingPerShare, "clearingPerShare");
        Orders.requireNonNegative(clearingMaxFractionOfValue, "clearingMaxFractionOfValue");
        Orders.requireNonNegative(secPerValueSold, "secPerValueSold");
        Orders.requireNonNegative(tafPerShareSold, "tafPerShareSold");
        Orders.requireNonNegative(tafMaxPerTrade, "tafMaxPerTrade");
        Orders.requireNonNegative(catPerShare, "catPerShare");
        Orders.requireNonNegative(passThroughPerCommission, "passThroughPerCommission");
    }

    /** The figures on IBKR's US stock page ({@link IbkrUsStockRates}). */
    public static ThirdPartyFees ibkr() {
        return new ThirdPartyFees(IbkrUsStockRates.EXCHANGE_REMOVE_PER_SHARE,
            IbkrUsStockRates.EXCHANGE_REMOVE_PER_VALUE_BELOW_ONE_DOLLAR,
            IbkrUsStockRates.CLEARING_PER_SHARE, IbkrUsStockRates.CLEARING_MAX_FRACTION_OF_VALUE,
            IbkrUsStockRates.SEC_FEE_PER_VALUE_SOLD, IbkrUsStockRates.FINRA_TAF_PER_SHARE_SOLD,
            IbkrUsStockRates.FINRA_TAF_MAX_PER_TRADE, IbkrUsStockRates.FINRA_CAT_PER_SHARE,
            IbkrUsStockRates.NYSE_PASS_THROUGH_PER_COMMISSION.add(IbkrUsStockRates.FINRA_PASS_THROUGH_PER_COMMISSION));
    }
}
