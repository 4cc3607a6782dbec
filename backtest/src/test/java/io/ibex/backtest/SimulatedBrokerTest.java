package io.ibex.backtest;

import io.ibex.execution.SimulatedBroker;
import io.ibex.execution.Ledger;
import io.ibex.framework.domain.Bars;
import io.ibex.framework.domain.ClientOrderId;
import io.ibex.framework.domain.Instrument;
import io.ibex.framework.domain.OrderRequest;
import io.ibex.framework.domain.OrderType;
import io.ibex.framework.domain.Side;
import io.ibex.framework.domain.TimeInForce;
import io.ibex.framework.event.OrderEvent;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Fill rules of the simulated broker; the port's promises are in {@link SimulatedBrokerContractTest}. */
class SimulatedBrokerTest {
    // bar 0 decides; bar 1 gaps down to 9.5 and trades 9..10; bar 2 trades 10..12
    private static final Bars BARS = SampleBars.of(
        new double[]{10, 10.5, 9.8, 10},
        new double[]{9.5, 10, 9, 9.8},
        new double[]{10.5, 12, 10, 11.5});
    private static final Instrument TEST = Instrument.of("TEST");

    private final List<OrderEvent> events = new ArrayList<>();
    private final Ledger ledger = new Ledger(TEST, new BigDecimal("1000"));
    private final SimulatedBroker broker = new SimulatedBroker(BARS, ledger, BacktestConfig.NO_COMMISSION, BigDecimal.ZERO, events::add);

    private static OrderRequest order(String id, Side side, OrderType type, String limit, String stop, TimeInForce tif) {
        return new OrderRequest(new ClientOrderId(id), TEST, side, BigDecimal.ONE, type,
            limit == null ? null : new BigDecimal(limit), stop == null ? null : new BigDecimal(stop), tif, null, null);
    }

    private BigDecimal runAndFillPrice(OrderRequest r) {
        broker.advanceTo(0);
        broker.submit(r);
        for (int i = 1; i < BARS.size(); i++) {
            broker.advanceTo(i);
            broker.fillAtBar();
        }
        return events.stream().filter(e -> e instanceof OrderEvent.Filled).map(e -> ((OrderEvent.Filled) e).fill().price())
            .findFirst().orElse(null);
    }

    @Test
    void aLimitBuyFillsAtTheOpenWhenTheNextBarGapsBelowTheLimit() {
        assertThat(runAndFillPrice(order("a", Side.BUY, OrderType.LMT, "9.75", null, TimeInForce.GTC))).isEqualByComparingTo("9.5");
    }

    @Test
    void aLimitBuyFillsAtItsLimitWhenTheRangeReachesIt() {
        assertThat(runAndFillPrice(order("a", Side.BUY, OrderType.LMT, "9.25", null, TimeInForce.GTC))).isEqualByComparingTo("9.25");
    }

    @Test
    void aLimitBuyBelowEveryLowNeverFillsAndIsCancelledAtTheEnd() {
        assertThat(runAndFillPrice(order("a", Side.BUY, OrderType.LMT, "8", null, TimeInForce.GTC))).isNull();
        assertThat(broker.openOrders()).hasSize(1);
        broker.cancelAll(BacktestEngine.END_OF_DATA);
        assertThat(broker.openOrders()).isEmpty();
        assertThat(events.get(events.size() - 1)).isInstanceOf(OrderEvent.Cancelled.class);
    }

    @Test
    void aBuyStopFillsAtTheStopWhenTheRangeCrossesIt() {
        assertThat(runAndFillPrice(order("a", Side.BUY, OrderType.STP, null, "11", TimeInForce.GTC))).isEqualByComparingTo("11");
    }

    @Test
    void aSellStopFillsAtTheOpenWhenTheBarGapsThroughIt() {
        assertThat(runAndFillPrice(order("a", Side.SELL, OrderType.STP, null, "9.7", TimeInForce.GTC))).isEqualByComparingTo("9.5");
    }

    @Test
    void aStopLimitBuyFillsAtTheStopOnceTriggeredWhenTheLimitAllows() {
        assertThat(runAndFillPrice(order("a", Side.BUY, OrderType.STOP_LIMIT, "11.2", "11", TimeInForce.GTC))).isEqualByComparingTo("11");
    }

    @Test
    void aDayLimitOrderIsCancelledWhenTheNextDayStarts() {
        assertThat(runAndFillPrice(order("a", Side.BUY, OrderType.LMT, "8", null, TimeInForce.DAY))).isNull();
        assertThat(events).last().isInstanceOfSatisfying(OrderEvent.Cancelled.class, c -> {
            assertThat(c.reason()).contains("DAY");
            assertThat(c.timeMillis()).isEqualTo(BARS.time(2));
        });
    }

    @Test
    void aCancelledOrderDoesNotFillAndCancellingAgainDoesNothing() {
        broker.advanceTo(0);
        OrderRequest r = order("c", Side.BUY, OrderType.MKT, null, null, TimeInForce.DAY);
        broker.submit(r);
        broker.cancel(r.id());
        broker.cancel(r.id());
        broker.advanceTo(1);
        broker.fillAtBar();
        assertThat(events).filteredOn(e -> e instanceof OrderEvent.Cancelled).hasSize(1);
        assertThat(ledger.quantity()).isZero();
        assertThat(broker.isWorking(r.id())).isFalse();
    }

    @Test
    void anOrderForAnotherInstrumentIsRejected() {
        broker.advanceTo(0);
        broker.submit(OrderRequest.market(new ClientOrderId("x"), Instrument.of("MSFT"), Side.BUY, BigDecimal.ONE));
        assertThat(events).singleElement().isInstanceOfSatisfying(OrderEvent.Rejected.class,
            e -> assertThat(e.reason()).contains("MSFT").contains("TEST"));
    }

    @Test
    void theBrokerCannotGoBackInTime() {
        broker.advanceTo(1);
        assertThatThrownBy(() -> broker.advanceTo(1)).isInstanceOf(IllegalStateException.class).hasMessageContaining("back in time");
    }
}
