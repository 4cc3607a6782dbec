package io.ibex.execution.commission;

import java.math.BigDecimal;
import java.util.List;

/**
 * Every published IBKR figure ibex uses for US stocks, in one place, so a schedule change is a one-file edit.
 *
 * <p>Source: https://investors.interactivebrokers.com/en/pricing/commissions-stocks.php ("Commissions Stocks",
 * United States table, IBKR Pro Tiered / IBKR Pro Fixed columns), read 2026-11-25 through the project's stored copy
 * of that page; cross-checked against the interactivebrokers.co.uk copy of the same page. The page's fixed examples
 * (100 @ 25 = 1.00, 1,000 @ 25 = 5.00, 1,000 @ 0.25 = 2.50) are golden tests. Exchange fees come from
 * https://www.interactivebrokers.com/en/accounts/fees/INETstkfee.php (NASDAQ/Island, "Remove Liquidity" column).
 * IBKR notes that regulatory rates (SEC, FINRA) are reset by the regulators, typically once or twice a year: the
 * values below are the ones on the page on the date read, and {@link ThirdPartyFees} and {@link VolumeTiers} lets users override them.
 */
public final class IbkrUsStockRates {
    private IbkrUsStockRates() {}

    /** Both plans: "Maximum per order 1% of Trade Value" (commission only; third-party fees come on top). */
    public static final BigDecimal MAX_FRACTION_OF_VALUE = new BigDecimal("0.01");

    // ---- IBKR Pro Fixed: all exchange and clearing fees are included in the per-share rate.
    public static final BigDecimal FIXED_PER_SHARE = new BigDecimal("0.005");
    public static final BigDecimal FIXED_MINIMUM = new BigDecimal("1.00");

    // ---- IBKR Pro Tiered: per-share rate by MONTHLY share volume, applied marginally within the month
    // (IBKR's comparison examples: "IB First 300,000 Shares ..., IB Next 2,700,000 Shares ...").
    /** Upper bounds (inclusive) of the volume tiers; the last tier is unbounded. */
    public static final List<BigDecimal> TIER_UPPER_SHARES = List.of(
        new BigDecimal("300000"), new BigDecimal("3000000"), new BigDecimal("20000000"), new BigDecimal("100000000"));
    public static final List<BigDecimal> TIER_RATES = List.of(
        new BigDecimal("0.0035"),   // <= 300,000
        new BigDecimal("0.0020"),   // 300,001 - 3,000,000
        new BigDecimal("0.0015"),   // 3,000,001 - 20,000,000
        new BigDecimal("0.0010"),   // 20,000,001 - 100,000,000
        new BigDecimal("0.0005"));  // > 100,000,000
    public static final BigDecimal TIERED_MINIMUM = new BigDecimal("0.35");

    /** Clearing, "NSCC, DTC Fees: USD 0.00020 per share". */
    public static final BigDecimal CLEARING_PER_SHARE = new BigDecimal("0.00020");
    /**
     * Clearing cap of 0.5% of trade value: IBKR's footnote to the clearing line as commonly quoted. NOT found in the
     * stored copy of the page (footnotes were cut off); it only matters below about USD 0.04 a share.
     */
    public static final BigDecimal CLEARING_MAX_FRACTION_OF_VALUE = new BigDecimal("0.005");

    /** "SEC Transaction Fee: USD 0.0000278 * Value of Aggregate Sales" (sales only). */
    public static final BigDecimal SEC_FEE_PER_VALUE_SOLD = new BigDecimal("0.0000278");
    /** "FINRA Trading Activity Fee: USD 0.000166 * Quantity Sold" (sales only). */
    public static final BigDecimal FINRA_TAF_PER_SHARE_SOLD = new BigDecimal("0.000166");
    /**
     * FINRA TAF per-trade maximum USD 8.30 (the page's footnote, not in the stored copy; the same 8.30 cap with the
     * 0.000166 rate is quoted by rocketsciencetrading.com, "Last Updated: July 12, 2025").
     */
    public static final BigDecimal FINRA_TAF_MAX_PER_TRADE = new BigDecimal("8.30");
    /**
     * "FINRA Consolidated Audit Trail Fees: USD 0.000048 * Quantity to 0.00007211 * Quantity" (both sides). The
     * rate depends on the venue; ibex charges the upper end so a backtest does not flatter the strategy.
     */
    public static final BigDecimal FINRA_CAT_PER_SHARE = new BigDecimal("0.00007211");

    /** "NYSE Pass Through Fees: Commissions * 0.000175". */
    public static final BigDecimal NYSE_PASS_THROUGH_PER_COMMISSION = new BigDecimal("0.000175");
    /** "FINRA Pass Through Fees: Commissions * 0.000565" (the .co.uk copy shows 0.000563, an older rate). */
    public static final BigDecimal FINRA_PASS_THROUGH_PER_COMMISSION = new BigDecimal("0.000565");

    /**
     * Exchange fee for an order that removes liquidity (a market order or marketable limit): NASDAQ, NYSE and AMEX
     * all list USD 0.0030 per share for prices >= USD 1.00 and "Trade Value * 0.0030" below USD 1.00. Adding
     * liquidity earns a rebate on IBKR, which a bar-level backtest cannot know it would get, so it is not modelled.
     */
    public static final BigDecimal EXCHANGE_REMOVE_PER_SHARE = new BigDecimal("0.0030");
    public static final BigDecimal EXCHANGE_REMOVE_PER_VALUE_BELOW_ONE_DOLLAR = new BigDecimal("0.0030");
}
