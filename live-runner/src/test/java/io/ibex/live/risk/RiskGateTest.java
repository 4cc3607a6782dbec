package io.ibex.live.risk;

import io.ibex.framework.domain.Instrument;
import io.ibex.framework.domain.OrderType;
import io.ibex.framework.domain.Side;
import io.ibex.live.market.QuoteFlag;
import io.ibex.live.testing.ManualClock;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.lists;

class RiskGateTest {
    static final Instrument AAPL = Instrument.of("AAPL");
    static final BigDecimal EQUITY = new BigDecimal("100000");
    final ManualClock clock = new ManualClock(Instant.parse("2024-03-05T15:00:00Z"));
    final AtomicBoolean halted = new AtomicBoolean();
    final RiskGate gate = new RiskGate(RiskLimits.defaults(), clock, halted::get);

    DenyReason reasonOf(OrderCheck o, MarketView m, Exposure e) {
        return gate.check(o, m, e, EQUITY) instanceof RiskDecision.Denied d ? d.reason() : null;
    }

    @Test
    void absurdQuantitiesAreDeniedAsInvalid() {
        for (double q : new double[]{Double.NaN, 0, -5, 1e12, Double.POSITIVE_INFINITY})
            assertThat(reasonOf(OrderCheck.market(AAPL, Side.BUY, q), MarketView.fresh(100), Exposure.FLAT))
                .as("qty %s", q).isEqualTo(DenyReason.INVALID_QUANTITY);
    }

    @Test
    void nonTradableDataIsDeniedWithItsReason() {
        OrderCheck o = OrderCheck.market(AAPL, Side.BUY, 1);
        assertThat(reasonOf(o, new MarketView(100, 6_000, Set.of()), Exposure.FLAT)).isEqualTo(DenyReason.STALE_DATA);
        assertThat(reasonOf(o, new MarketView(100, 0, Set.of(QuoteFlag.PRIOR_CLOSE)), Exposure.FLAT)).isEqualTo(DenyReason.PRIOR_CLOSE);
        assertThat(reasonOf(o, new MarketView(100, 0, Set.of(QuoteFlag.HALTED)), Exposure.FLAT)).isEqualTo(DenyReason.HALTED_INSTRUMENT);
        assertThat(reasonOf(o, new MarketView(Double.NaN, 0, Set.of(QuoteFlag.PREFLIGHT)), Exposure.FLAT)).isEqualTo(DenyReason.STALE_DATA);
        assertThat(reasonOf(o, new MarketView(100, 4_000, Set.of()), Exposure.FLAT)).isNull();
    }

    @Test
    void theKillSwitchFrozenInstrumentsAndDisconnectsDenyEverything() {
        OrderCheck o = OrderCheck.market(AAPL, Side.BUY, 1);
        halted.set(true);
        RiskDecision d = gate.check(o, MarketView.fresh(100), Exposure.FLAT, EQUITY);
        assertThat(d).isInstanceOf(RiskDecision.Denied.class);
        assertThat(d.toString()).startsWith("KILL_SWITCH: BUY 1.0 AAPL denied: trading is halted").doesNotContain("\n");
        halted.set(false);
        gate.freeze(AAPL);
        assertThat(reasonOf(o, MarketView.fresh(100), Exposure.FLAT)).isEqualTo(DenyReason.FROZEN_INSTRUMENT);
        assertThat(reasonOf(OrderCheck.market(Instrument.of("MSFT"), Side.BUY, 1), MarketView.fresh(100), Exposure.FLAT)).isNull();
        gate.setConnected(false);
        assertThat(reasonOf(OrderCheck.market(Instrument.of("MSFT"), Side.BUY, 1), MarketView.fresh(100), Exposure.FLAT))
            .isEqualTo(DenyReason.DISCONNECTED);
    }

    @Test
    void limitAndStopPricesMustStayInsideTheCollar() {
        assertThat(reasonOf(new OrderCheck(AAPL, Side.BUY, 1, OrderType.LMT, 106, Double.NaN), MarketView.fresh(100), Exposure.FLAT))
            .isEqualTo(DenyReason.PRICE_COLLAR);
        assertThat(reasonOf(new OrderCheck(AAPL, Side.SELL, 1, OrderType.STP, Double.NaN, 94), MarketView.fresh(100), Exposure.FLAT))
            .isEqualTo(DenyReason.PRICE_COLLAR);
        assertThat(reasonOf(new OrderCheck(AAPL, Side.BUY, 1, OrderType.LMT, Double.NaN, Double.NaN), MarketView.fresh(100), Exposure.FLAT))
            .isEqualTo(DenyReason.INVALID_PRICE);
        assertThat(reasonOf(new OrderCheck(AAPL, Side.BUY, 1, OrderType.LMT, 104.9, Double.NaN), MarketView.fresh(100), Exposure.FLAT))
            .isNull();
    }

    @Test
    void orderValueIsCappedPerOrder() {
        assertThat(reasonOf(OrderCheck.market(AAPL, Side.BUY, 1001), MarketView.fresh(100), Exposure.FLAT))
            .isIn(DenyReason.MAX_ORDER_VALUE);
        assertThat(reasonOf(OrderCheck.market(AAPL, Side.BUY, 999), MarketView.fresh(100), Exposure.FLAT)).isNull();
    }

    @Test
    void unknownIntentsAndForeignOrdersCountAsFilledForThePositionLimit() {
        Exposure e = new Exposure(new BigDecimal("600"), new BigDecimal("300"), BigDecimal.ZERO);
        assertThat(reasonOf(OrderCheck.market(AAPL, Side.BUY, 101), MarketView.fresh(10), e)).isEqualTo(DenyReason.MAX_POSITION);
        assertThat(reasonOf(OrderCheck.market(AAPL, Side.BUY, 100), MarketView.fresh(10), e)).isNull();
        Exposure shortSide = new Exposure(new BigDecimal("-900"), BigDecimal.ZERO, new BigDecimal("50"));
        assertThat(reasonOf(OrderCheck.market(AAPL, Side.SELL, 51), MarketView.fresh(10), shortSide)).isEqualTo(DenyReason.MAX_POSITION);
    }

    @Test
    void noMoreThanTheRateInAnySixtySecondWindowOfTheFakeClock() {
        OrderCheck o = OrderCheck.market(AAPL, Side.BUY, 1);
        for (int i = 0; i < 30; i++) {
            assertThat(reasonOf(o, MarketView.fresh(10), Exposure.FLAT)).isNull();
            clock.advanceMillis(1_000);
        }
        assertThat(reasonOf(o, MarketView.fresh(10), Exposure.FLAT)).isEqualTo(DenyReason.ORDER_RATE);
        clock.advanceMillis(29_999);   // the first approval is now exactly 59.999 s old: still inside the window
        assertThat(reasonOf(o, MarketView.fresh(10), Exposure.FLAT)).isEqualTo(DenyReason.ORDER_RATE);
        clock.advanceMillis(1);
        assertThat(reasonOf(o, MarketView.fresh(10), Exposure.FLAT)).isNull();
    }

    @Test
    void theDailyLossLimitBlocksNewRiskUntilTheNextEtMidnightButAllowsReducing() {
        OrderCheck buy = OrderCheck.market(AAPL, Side.BUY, 1);
        gate.observeEquity(EQUITY);
        BigDecimal down = EQUITY.subtract(new BigDecimal("5000"));
        Exposure longTen = new Exposure(BigDecimal.TEN, BigDecimal.ZERO, BigDecimal.ZERO);
        assertThat(gate.check(buy, MarketView.fresh(10), longTen, down)).isInstanceOf(RiskDecision.Denied.class)
            .extracting(d -> ((RiskDecision.Denied) d).reason()).isEqualTo(DenyReason.DAILY_LOSS);
        assertThat(gate.check(OrderCheck.market(AAPL, Side.SELL, 10), MarketView.fresh(10), longTen, down))
            .isEqualTo(RiskDecision.APPROVED);
        // 04:59Z is 23:59 in New York (EST): still the same day
        clock.set(Instant.parse("2024-03-06T04:59:00Z"));
        assertThat(gate.check(buy, MarketView.fresh(10), longTen, down)).isInstanceOf(RiskDecision.Denied.class);
        clock.set(Instant.parse("2024-03-06T05:00:00Z"));
        assertThat(gate.check(buy, MarketView.fresh(10), longTen, down)).isEqualTo(RiskDecision.APPROVED);
    }

    @Test
    void approvedIntentsNeverTakeTheWorstCasePositionPastTheLimit() {
        // L7: any interleaving of approved buys/sells, with everything still pending, stays within maxPosition
        qt().withExamples(300).forAll(lists().of(integers().between(-400, 400)).ofSizeBetween(1, 40)).checkAssert(qtys -> {
            RiskLimits l = new RiskLimits(new BigDecimal("1000"), new BigDecimal("1e9"), 0.05, 10_000, new BigDecimal("1e9"),
                new BigDecimal("1e6"), 5_000);
            RiskGate g = new RiskGate(l, clock, () -> false);
            BigDecimal pendingBuy = BigDecimal.ZERO, pendingSell = BigDecimal.ZERO;
            for (int q : qtys) {
                if (q == 0) continue;
                Side side = q > 0 ? Side.BUY : Side.SELL;
                RiskDecision d = g.check(OrderCheck.market(AAPL, side, Math.abs(q)), MarketView.fresh(10),
                    new Exposure(BigDecimal.ZERO, pendingBuy, pendingSell), EQUITY);
                if (d == RiskDecision.APPROVED) {
                    if (side == Side.BUY) pendingBuy = pendingBuy.add(BigDecimal.valueOf(q));
                    else pendingSell = pendingSell.add(BigDecimal.valueOf(-q));
                }
                assertThat(pendingBuy).isLessThanOrEqualTo(new BigDecimal("1000"));
                assertThat(pendingSell).isLessThanOrEqualTo(new BigDecimal("1000"));
            }
        });
    }
}
