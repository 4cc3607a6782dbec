package io.ibex.execution.commission;

import io.ibex.framework.domain.Instrument;
import io.ibex.framework.domain.Side;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;

import static org.assertj.core.api.Assertions.assertThat;

/** Every expected number below is worked out by hand from the rates in {@link IbkrUsStockRates}. */
class IbkrTieredCommissionTest {
    private static final Instrument AAPL = Instrument.of("AAPL");
    private final IbkrTieredCommission tiered = IbkrTieredCommission.ibkr();

    private static BigDecimal d(String s) { return new BigDecimal(s); }

    private TieredCharge charge(Side side, String shares, String price, String volumeBefore) {
        return tiered.breakdown(side, d(shares), d(price), d(volumeBefore));
    }

    @Test
    void aFirstTierBuyPaysCommissionExchangeClearingPassThroughAndCatOnly() {
        TieredCharge c = charge(Side.BUY, "1000", "25", "0");
        assertThat(c.commission()).isEqualByComparingTo("3.50");     // 1,000 x 0.0035
        assertThat(c.exchange()).isEqualByComparingTo("3.00");       // 1,000 x 0.0030 (price >= 1.00)
        assertThat(c.clearing()).isEqualByComparingTo("0.20");       // 1,000 x 0.00020 (< 0.5% of 25,000)
        assertThat(c.passThrough()).isEqualByComparingTo("0.00259"); // 3.50 x (0.000175 + 0.000565)
        assertThat(c.regulatory()).isEqualByComparingTo("0.07211");  // CAT 1,000 x 0.00007211; no SEC/TAF on buys
        // 3.50 + 3.00 + 0.20 + 0.00259 + 0.07211
        assertThat(tiered.commission(AAPL, Side.BUY, d("1000"), d("25"))).isEqualByComparingTo("6.77470");
    }

    @Test
    void aSaleAlsoPaysTheSecFeeOnValueAndTheFinraTafOnShares() {
        TieredCharge c = charge(Side.SELL, "1000", "25", "0");
        // CAT 0.07211 + SEC 25,000 x 0.0000278 = 0.695 + TAF 1,000 x 0.000166 = 0.166
        assertThat(c.regulatory()).isEqualByComparingTo("0.93311");
        assertThat(c.total()).isEqualByComparingTo("7.63570");       // 6.77470 - 0.07211 + 0.93311
    }

    @Test
    void theFinraTafStopsAtItsPerTradeMaximum() {
        TieredCharge c = charge(Side.SELL, "60000", "10", "0");
        // TAF 60,000 x 0.000166 = 9.96 -> capped at 8.30; SEC 600,000 x 0.0000278 = 16.68; CAT 60,000 x 0.00007211
        assertThat(c.regulatory()).isEqualByComparingTo("29.3066");  // 8.30 + 16.68 + 4.3266
    }

    @Test
    void aSmallOrderPaysTheThirtyFiveCentMinimumPlusFees() {
        TieredCharge c = charge(Side.BUY, "50", "25", "0");
        assertThat(c.commission()).isEqualByComparingTo("0.35");     // 50 x 0.0035 = 0.175 -> minimum 0.35
        // 0.35 + exchange 0.15 + clearing 0.01 + pass-through 0.35 x 0.00074 = 0.000259 + CAT 50 x 0.00007211
        assertThat(c.total()).isEqualByComparingTo("0.5138645");
    }

    @Test
    void aPennyStockOrderIsCappedAtOnePercentAndPaysValueBasedExchangeAndClearingFees() {
        TieredCharge c = charge(Side.BUY, "1000", "0.02", "0");
        assertThat(c.commission()).isEqualByComparingTo("0.20");     // 3.50 -> 1% of 20 = 0.20
        assertThat(c.exchange()).isEqualByComparingTo("0.06");       // price < 1.00: 20 x 0.0030
        assertThat(c.clearing()).isEqualByComparingTo("0.10");       // min(0.20, 0.5% of 20 = 0.10)
        assertThat(c.total()).isEqualByComparingTo("0.432258");      // + pass-through 0.000148 + CAT 0.07211
    }

    @Test
    void anOrderCrossingAVolumeBreakpointIsChargedMarginally() {
        // 299,500 already traded: 500 shares at 0.0035 = 1.75, then 500 at 0.0020 = 1.00
        assertThat(charge(Side.BUY, "1000", "10", "299500").commission()).isEqualByComparingTo("2.75");
        // 2,999,000 already traded: 1,000 at 0.0020 = 2.00, then 1,000 at 0.0015 = 1.50
        assertThat(charge(Side.BUY, "2000", "10", "2999000").commission()).isEqualByComparingTo("3.50");
        // past 100,000,000: 0.0005 a share
        assertThat(charge(Side.BUY, "10000", "10", "100000000").commission()).isEqualByComparingTo("5.00");
    }

    @Test
    void ibkrsOwnThirtyMillionShareComparisonExampleReproduces() {
        // "IB First 300,000 Shares: $1,050 / Next 2,700,000: 5,400 / Next 17,000,000: 25,500 / Next 10,000,000: 10,000"
        assertThat(VolumeTiers.ibkr().marginalCost(BigDecimal.ZERO, d("30000000"))).isEqualByComparingTo("41950");
    }

    @Test
    void theFourArgumentMethodPricesAnOrderAsTheMonthsFirst() {
        assertThat(tiered.commission(AAPL, Side.BUY, d("1000"), d("10")))
            .isEqualByComparingTo(tiered.commission(AAPL, Side.BUY, d("1000"), d("10"), BigDecimal.ZERO))
            .isGreaterThan(tiered.commission(AAPL, Side.BUY, d("1000"), d("10"), d("300000")));
    }
}
