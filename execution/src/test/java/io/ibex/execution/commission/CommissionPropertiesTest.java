package io.ibex.execution.commission;

import io.ibex.framework.domain.Instrument;
import io.ibex.framework.domain.Side;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.lists;

/** Reliability §4.3 C1-C4 for ibkr-fixed (and C4 for ibkr-tiered), over integer shares and cent prices. */
class CommissionPropertiesTest {
    private static final Instrument AAPL = Instrument.of("AAPL");
    private static final BigDecimal ONE_PERCENT = new BigDecimal("0.01");
    private final CommissionModel fixed = PerShareCommission.ibkrFixed();

    private static BigDecimal cents(int c) { return BigDecimal.valueOf(c, 2); }

    private BigDecimal fixed(int shares, int priceCents) {
        return fixed.commission(AAPL, Side.BUY, BigDecimal.valueOf(shares), cents(priceCents));
    }

    @Test
    void c1CommissionIsNeverNegativeNorAboveOnePercentOfTradeValue() {
        qt().forAll(integers().between(1, 2_000_000), integers().between(1, 500_000)).checkAssert((shares, p) -> {
            BigDecimal value = BigDecimal.valueOf(shares).multiply(cents(p));
            assertThat(fixed(shares, p)).isNotNegative().isLessThanOrEqualTo(ONE_PERCENT.multiply(value));
        });
    }

    @Test
    void c2CommissionIsAtLeastTheMinimumOrOnePercentWhicheverIsLess() {
        qt().forAll(integers().between(1, 2_000_000), integers().between(1, 500_000)).checkAssert((shares, p) -> {
            BigDecimal value = BigDecimal.valueOf(shares).multiply(cents(p));
            assertThat(fixed(shares, p)).isGreaterThanOrEqualTo(BigDecimal.ONE.min(ONE_PERCENT.multiply(value)));
        });
    }

    @Test
    void c3CommissionNeverFallsWhenMoreSharesAreTradedAtTheSamePrice() {
        qt().forAll(integers().between(1, 1_000_000), integers().between(0, 100_000), integers().between(1, 500_000))
            .checkAssert((shares, extra, p) ->
                assertThat(fixed(shares + extra, p)).isGreaterThanOrEqualTo(fixed(shares, p)));
    }

    @Test
    void c4FillChargesOfAnyFixedSplitSumToTheWholeOrdersCommission() {
        qt().forAll(lists().of(integers().between(1, 5_000)).ofSizeBetween(1, 12), integers().between(1, 50_000))
            .checkAssert((fills, p) -> assertThat(sumOfFills(fixed, fills, p, BigDecimal.ZERO))
                .isEqualByComparingTo(fixed(total(fills), p)));
    }

    @Test
    void c4HoldsForTieredAtAnyMonthToDateVolumeToo() {
        IbkrTieredCommission tiered = IbkrTieredCommission.ibkr();
        qt().forAll(lists().of(integers().between(1, 200_000)).ofSizeBetween(1, 8), integers().between(1, 50_000),
                integers().between(0, 200_000_000))
            .checkAssert((fills, p, volume) -> {
                BigDecimal monthVolume = BigDecimal.valueOf(volume);
                assertThat(sumOfFills(tiered, fills, p, monthVolume)).isEqualByComparingTo(tiered.commission(AAPL,
                    Side.SELL, BigDecimal.valueOf(total(fills)), cents(p), monthVolume));
            });
    }

    @Test
    void tieredNeverCostsMoreAtHigherMonthlyVolumeAndASaleNeverCostsLessThanABuy() {
        IbkrTieredCommission tiered = IbkrTieredCommission.ibkr();
        qt().forAll(integers().between(1, 500_000), integers().between(1, 500_000), integers().between(0, 150_000_000),
                integers().between(0, 50_000_000))
            .checkAssert((shares, p, volume, more) -> {
                BigDecimal q = BigDecimal.valueOf(shares);
                BigDecimal lower = BigDecimal.valueOf(volume);
                BigDecimal higher = BigDecimal.valueOf((long) volume + more);
                BigDecimal atLower = tiered.commission(AAPL, Side.BUY, q, cents(p), lower);
                assertThat(tiered.commission(AAPL, Side.BUY, q, cents(p), higher)).isLessThanOrEqualTo(atLower);
                assertThat(tiered.commission(AAPL, Side.SELL, q, cents(p), lower)).isGreaterThanOrEqualTo(atLower);
            });
    }

    private static int total(List<Integer> fills) { return fills.stream().mapToInt(Integer::intValue).sum(); }

    private static BigDecimal sumOfFills(CommissionModel model, List<Integer> fills, int priceCents,
                                         BigDecimal monthVolume) {
        Side side = model instanceof IbkrTieredCommission ? Side.SELL : Side.BUY;
        BigDecimal price = cents(priceCents);
        BigDecimal quantity = BigDecimal.ZERO;
        BigDecimal notional = BigDecimal.ZERO;
        BigDecimal sum = BigDecimal.ZERO;
        for (int f : fills) {
            BigDecimal q = BigDecimal.valueOf(f);
            sum = sum.add(CumulativeCommission.forFill(model, AAPL, side, quantity, notional, q, price, monthVolume));
            quantity = quantity.add(q);
            notional = notional.add(q.multiply(price));
        }
        return sum;
    }
}
