package io.ibex.backtest;

import io.ibex.framework.strategy.Sizing;
import io.ibex.framework.domain.Bars;
import io.ibex.framework.domain.Side;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;

import static org.assertj.core.api.Assertions.assertThat;

/** Cash never goes negative without --margin; --max-volume-pct spreads a big order over several bars. */
class CashAndVolumeLimitsTest {
    // bar 0 closes at 100; bar 1 gaps up to 110; each bar trades a volume of 1000
    private static final Bars GAP = SampleBars.of(
        new double[]{100, 100, 100, 100},
        new double[]{110, 111, 109, 110},
        new double[]{110, 111, 109, 110},
        new double[]{110, 111, 109, 110});
    private static final BacktestConfig ALL_IN = BacktestConfig.defaults().withInitialCash(new BigDecimal("1000"))
        .withSizing(new Sizing.PercentOfEquity(100));

    @Test
    void anAllInBuyFillingAfterAGapUpIsCutToWhatCashPaysForAndTheRestIsCancelled() {
        BacktestResult r = new BacktestEngine(ALL_IN).run(GAP, new ScriptedStrategy().at(0, Side.BUY, 10));
        assertThat(r.orders("filled")).singleElement().satisfies(f -> assertThat(f.quantity()).isEqualByComparingTo("9"));
        assertThat(r.orders("cancelled")).singleElement().satisfies(c -> assertThat(c.note()).contains("insufficient cash"));
        assertThat(r.finalEquity().subtract(new BigDecimal("9").multiply(new BigDecimal("110")))).isEqualByComparingTo("10");
    }

    @Test
    void withMarginTheSameBuyFillsWholeAndCashGoesNegative() {
        BacktestResult r = new BacktestEngine(ALL_IN.withMargin(true)).run(GAP, new ScriptedStrategy().at(0, Side.BUY, 10));
        assertThat(r.orders("filled")).singleElement().satisfies(f -> assertThat(f.quantity()).isEqualByComparingTo("10"));
        assertThat(r.equity()[1] - 10 * 110).as("cash after the fill").isEqualTo(-100);
    }

    @Test
    void shortSellingAndCoveringAreNotCutByTheCashCheck() {
        // 15 units at 110 are worth more than the 1000 cash; selling short raises cash, covering may spend it all
        BacktestResult r = new BacktestEngine(ALL_IN).run(GAP, new ScriptedStrategy().at(0, Side.SELL, 15).at(2, Side.BUY, 15));
        assertThat(r.orders("filled")).extracting(e -> e.quantity().intValue()).containsExactly(15, 15);
        assertThat(r.trades()).singleElement().satisfies(t -> {
            assertThat(t.direction()).isEqualTo("short");
            assertThat(t.pnl()).isEqualByComparingTo("0"); // sold at bar 1's open 110, covered at bar 3's open 110
        });
    }

    @Test
    void aVolumeCapSpreadsAnOrderOverBarsAsPartialFills() {
        BacktestConfig capped = BacktestConfig.defaults().withMaxVolumePct(0.5); // 5 of each bar's 1000
        BacktestResult r = new BacktestEngine(capped).run(GAP, new ScriptedStrategy().at(0, Side.BUY, 12));
        assertThat(r.orders("filled")).extracting(e -> e.quantity().intValue()).containsExactly(5, 5, 2);
        assertThat(r.orders("filled")).extracting(OrderLogEntry::note).containsExactly("partial, 7 left", "partial, 2 left", "");
        assertThat(r.openPositions().get(0).quantity()).isEqualByComparingTo("12");
    }
}
