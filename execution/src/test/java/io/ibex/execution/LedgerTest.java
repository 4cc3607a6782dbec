package io.ibex.execution;

import io.ibex.framework.domain.ClientOrderId;
import io.ibex.framework.domain.Fill;
import io.ibex.framework.domain.Instrument;
import io.ibex.framework.domain.Side;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.lists;

class LedgerTest {
    private static final Instrument X = Instrument.of("X");
    private long seq;

    private Fill fill(Side side, String qty, String price, String fee, long t) {
        return new Fill("e" + ++seq, new ClientOrderId("o" + seq), X, side, new BigDecimal(qty), new BigDecimal(price),
            new BigDecimal(fee), t);
    }

    @Test
    void aLongRoundTripRealisesExitMinusEntryMinusCommissionToTheCent() {
        Ledger l = new Ledger(X, new BigDecimal("1000"));
        l.apply(fill(Side.BUY, "3", "0.1", "0.01", 1));
        l.apply(fill(Side.SELL, "3", "0.3", "0.01", 2));
        assertThat(l.trades()).singleElement().satisfies(t -> {
            assertThat(t.pnl()).isEqualByComparingTo("0.58");   // 0.9 - 0.3 - 0.02, no binary rounding
            assertThat(t.direction()).isEqualTo("long");
        });
        assertThat(l.cash()).isEqualByComparingTo("1000.58");
        assertThat(l.quantity()).isZero();
    }

    @Test
    void aShortRoundTripProfitsWhenThePriceFalls() {
        Ledger l = new Ledger(X, new BigDecimal("1000"));
        l.apply(fill(Side.SELL, "2", "50", "0", 1));
        assertThat(l.quantity()).isEqualByComparingTo("-2");
        l.apply(fill(Side.BUY, "2", "45.5", "0", 2));
        assertThat(l.trades()).singleElement().satisfies(t -> {
            assertThat(t.pnl()).isEqualByComparingTo("9");
            assertThat(t.direction()).isEqualTo("short");
        });
    }

    @Test
    void scalingInAveragesTheEntryAndScalingOutClosesOnlyWhenFlat() {
        Ledger l = new Ledger(X, new BigDecimal("1000"));
        l.apply(fill(Side.BUY, "1", "10", "0", 1));
        l.apply(fill(Side.BUY, "3", "12", "0", 2));
        assertThat(l.positions().get(0).averagePrice()).isEqualByComparingTo("11.5");
        l.apply(fill(Side.SELL, "2", "13", "0", 3));
        assertThat(l.trades()).isEmpty();
        l.apply(fill(Side.SELL, "2", "11", "0", 4));
        assertThat(l.trades()).singleElement().satisfies(t -> {
            assertThat(t.quantity()).isEqualByComparingTo("4");
            assertThat(t.entryPrice()).isEqualByComparingTo("11.5");
            assertThat(t.exitPrice()).isEqualByComparingTo("12");
            assertThat(t.pnl()).isEqualByComparingTo("2");
            assertThat(t.entryTimeMillis()).isEqualTo(1);
            assertThat(t.exitTimeMillis()).isEqualTo(4);
        });
    }

    @Test
    void aReversalClosesTheTripAndOpensTheOtherSideSplittingTheCommission() {
        Ledger l = new Ledger(X, new BigDecimal("1000"));
        l.apply(fill(Side.BUY, "1", "10", "1", 1));
        l.apply(fill(Side.SELL, "4", "11", "2", 2));
        assertThat(l.trades()).singleElement().satisfies(t -> {
            assertThat(t.pnl()).isEqualByComparingTo("-0.5");       // 1 - 1 - 0.5
            assertThat(t.commission()).isEqualByComparingTo("1.5");
        });
        assertThat(l.quantity()).isEqualByComparingTo("-3");
        l.apply(fill(Side.BUY, "3", "10", "0", 3));
        assertThat(l.trades()).hasSize(2);
        assertThat(l.trades().get(1).pnl()).isEqualByComparingTo("1.5"); // 3 * (11 - 10) - 1.5
        assertThat(l.totalCommission()).isEqualByComparingTo("3");
    }

    @Test
    void closedTradesAccountForEveryCentOfCashAndCommissionWhateverTheFillSequence() {
        // random longs, shorts, scale-ins, partial exits and reversals, then flatten: the trades' P&L (entry cost and
        // exit value per trip) must add up to the cash change computed independently from the fills
        qt().withExamples(300).forAll(lists().of(integers().between(-50, 50)).ofSizeBetween(1, 30), integers().between(1, 999))
            .check((moves, markCents) -> {
                Ledger l = new Ledger(X, new BigDecimal("10000"));
                BigDecimal cash = new BigDecimal("10000"), fees = BigDecimal.ZERO;
                long qty = 0, t = 0;
                for (int k = 0; k <= moves.size(); k++) {
                    int m = k < moves.size() ? moves.get(k) : (int) -qty;
                    if (m == 0) continue;
                    BigDecimal price = k < moves.size() ? BigDecimal.valueOf(100 + k * 7 % 13, 1) : BigDecimal.valueOf(markCents, 2);
                    BigDecimal fee = BigDecimal.valueOf(Math.abs(m), 3);
                    l.apply(fill(m > 0 ? Side.BUY : Side.SELL, Integer.toString(Math.abs(m)), price.toPlainString(), fee.toPlainString(), ++t));
                    cash = cash.subtract(price.multiply(BigDecimal.valueOf(m))).subtract(fee);
                    fees = fees.add(fee);
                    qty += m;
                }
                BigDecimal tradeFees = BigDecimal.ZERO;
                for (Trade tr : l.trades()) tradeFees = tradeFees.add(tr.commission());
                return l.quantity().signum() == 0
                    && l.cash().compareTo(cash) == 0
                    && l.realisedPnl().compareTo(cash.subtract(new BigDecimal("10000"))) == 0
                    && tradeFees.compareTo(fees) == 0
                    && l.totalCommission().compareTo(fees) == 0;
            });
    }

    @Test
    void positionsAreEmptyWhenFlat() {
        Ledger l = new Ledger(X, BigDecimal.TEN);
        assertThat(l.positions()).isEqualTo(List.of());
    }
}
