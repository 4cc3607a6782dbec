package io.ibex.framework.port;

import io.ibex.framework.domain.ClientOrderId;
import io.ibex.framework.domain.Instrument;
import io.ibex.framework.domain.OrderRequest;
import io.ibex.framework.domain.OrderType;
import io.ibex.framework.domain.Side;
import io.ibex.framework.domain.TimeInForce;
import io.ibex.framework.error.BrokerException;
import io.ibex.framework.event.OrderEvent;
import io.ibex.framework.event.OrderStatus;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * What every {@link Broker} promises (STYLE.md 2.5), as tests any implementation inherits: the simulated broker in
 * backtest, the IBKR adapter over real HTTPS to the gateway simulator in live-runner. Both run exactly these
 * expectations. Ships in framework's test-jar.
 */
public abstract class BrokerContract {
    /** A fresh broker trading {@link #instrument()} that reports to {@code sink}, ready to accept orders. */
    protected abstract Broker brokerEmittingTo(RecordingSink sink);

    protected abstract Instrument instrument();

    /**
     * Moves the market on by one step and lets the broker report what happened (simulated: the next bar; IBKR: the
     * simulator's next tick plus enough clock for a pending cancel, then a poll of the gateway).
     */
    protected abstract void advanceMarket();

    /** A price so far below the market that a buy limit there does not fill during the test. */
    protected abstract BigDecimal farBelowMarket();

    private int ids;

    private OrderRequest farLimitBuy() {
        return new OrderRequest(new ClientOrderId("contract-" + ++ids), instrument(), Side.BUY, BigDecimal.ONE, OrderType.LMT,
            farBelowMarket(), null, TimeInForce.GTC, null, null);
    }

    private OrderRequest marketBuy(String qty) { return market(Side.BUY, qty); }

    private OrderRequest market(Side side, String qty) {
        return OrderRequest.market(new ClientOrderId("contract-" + ++ids), instrument(), side, new BigDecimal(qty));
    }

    private static List<OrderEvent.Filled> fills(RecordingSink sink, ClientOrderId id) {
        List<OrderEvent.Filled> out = new ArrayList<>();
        for (OrderEvent e : sink.forOrder(id)) if (e instanceof OrderEvent.Filled f) out.add(f);
        return out;
    }

    private static BigDecimal filledQuantity(RecordingSink sink, ClientOrderId id) {
        BigDecimal q = BigDecimal.ZERO;
        for (OrderEvent.Filled f : fills(sink, id)) q = q.add(f.fill().quantity());
        return q;
    }

    @Test
    void submittingTheSameOrderIdTwiceDoesNotCreateASecondOrder() {
        RecordingSink sink = new RecordingSink();
        Broker broker = brokerEmittingTo(sink);
        OrderRequest r = farLimitBuy();
        broker.submit(r);
        broker.submit(r);
        advanceMarket();
        assertThat(broker.openOrders()).extracting(OrderRequest::id).containsExactly(r.id());
        assertThat(sink.forOrder(r.id())).filteredOn(e -> e instanceof OrderEvent.Submitted).hasSize(1);
    }

    @Test
    void aLimitFarFromTheMarketStaysOpenUntilCanceled() {
        RecordingSink sink = new RecordingSink();
        Broker broker = brokerEmittingTo(sink);
        OrderRequest r = farLimitBuy();
        broker.submit(r);
        for (int k = 0; k < 3; k++) advanceMarket();
        assertThat(broker.openOrders()).extracting(OrderRequest::id).containsExactly(r.id());
        broker.cancel(r.id());
        advanceMarket();
        assertThat(broker.openOrders()).isEmpty();
        assertThat(sink.forOrder(r.id())).last().isInstanceOf(OrderEvent.Cancelled.class);
        assertThat(broker.positions()).isEmpty();
    }

    @Test
    void aMarketOrderFillsOnceTheMarketMoves() {
        RecordingSink sink = new RecordingSink();
        Broker broker = brokerEmittingTo(sink);
        OrderRequest r = marketBuy("2");
        broker.submit(r);
        advanceMarket();
        assertThat(fills(sink, r.id())).isNotEmpty().allSatisfy(f -> {
            assertThat(f.fill().side()).isEqualTo(Side.BUY);
            assertThat(f.fill().instrument()).isEqualTo(instrument());
            assertThat(f.fill().price()).isPositive();
        });
        assertThat(filledQuantity(sink, r.id())).isEqualByComparingTo("2");
        assertThat(sink.forOrder(r.id())).last().isInstanceOfSatisfying(OrderEvent.Filled.class,
            f -> assertThat(f.leavesQuantity()).isZero());
        assertThat(broker.openOrders()).isEmpty();
    }

    @Test
    void cancellingAWorkingOrderEndsCancelled() {
        RecordingSink sink = new RecordingSink();
        Broker broker = brokerEmittingTo(sink);
        OrderRequest r = farLimitBuy();
        broker.submit(r);
        advanceMarket();
        assertThat(sink.forOrder(r.id())).noneMatch(e -> e instanceof OrderEvent.Cancelled);
        broker.cancel(r.id());
        advanceMarket();
        advanceMarket();
        // the cancel is known only from the broker's event, exactly once, and nothing fills after it
        assertThat(sink.forOrder(r.id())).filteredOn(e -> e instanceof OrderEvent.Cancelled).hasSize(1);
        assertThat(sink.forOrder(r.id())).last().isInstanceOf(OrderEvent.Cancelled.class);
        assertThat(fills(sink, r.id())).isEmpty();
        assertThat(broker.openOrders()).extracting(OrderRequest::id).doesNotContain(r.id());
    }

    @Test
    void cancellingAFilledOrderChangesNothing() {
        RecordingSink sink = new RecordingSink();
        Broker broker = brokerEmittingTo(sink);
        OrderRequest r = marketBuy("1");
        broker.submit(r);
        advanceMarket();
        List<OrderEvent> before = sink.forOrder(r.id());
        assertThat(before).last().isInstanceOf(OrderEvent.Filled.class);
        broker.cancel(r.id()); // known id, already terminal: not an error, and no Cancelled after Filled
        advanceMarket();
        assertThat(sink.forOrder(r.id())).isEqualTo(before);
        assertThat(broker.positions()).singleElement().satisfies(p -> assertThat(p.quantity()).isEqualByComparingTo("1"));
    }

    @Test
    void positionsReflectFills() {
        RecordingSink sink = new RecordingSink();
        Broker broker = brokerEmittingTo(sink);
        assertThat(broker.positions()).isEmpty();
        OrderRequest buy = marketBuy("3");
        broker.submit(buy);
        advanceMarket();
        OrderRequest sell = market(Side.SELL, "1");
        broker.submit(sell);
        advanceMarket();
        BigDecimal bought = filledQuantity(sink, buy.id()), sold = filledQuantity(sink, sell.id());
        assertThat(bought).isEqualByComparingTo("3");
        assertThat(sold).isEqualByComparingTo("1");
        BigDecimal buyPrice = fills(sink, buy.id()).get(0).fill().price();
        assertThat(broker.positions()).singleElement().satisfies(p -> {
            assertThat(p.instrument().symbol()).isEqualTo(instrument().symbol());
            assertThat(p.quantity()).isEqualByComparingTo(bought.subtract(sold));
            assertThat(p.averagePrice()).isCloseTo(buyPrice, org.assertj.core.data.Offset.offset(new BigDecimal("0.01")));
        });
    }

    @Test
    void cancelingAnUnknownOrderFailsNamingTheOrderId() {
        Broker broker = brokerEmittingTo(new RecordingSink());
        assertThatThrownBy(() -> broker.cancel(new ClientOrderId("never-sent-42")))
            .isInstanceOf(BrokerException.class).hasMessageContaining("never-sent-42");
    }

    @Test
    void filledQuantityNeverExceedsOrderedQuantity() {
        RecordingSink sink = new RecordingSink();
        Broker broker = brokerEmittingTo(sink);
        OrderRequest r = marketBuy("3");
        broker.submit(r);
        broker.submit(r);
        for (int k = 0; k < 3; k++) advanceMarket();
        BigDecimal filled = BigDecimal.ZERO;
        for (OrderEvent e : sink.forOrder(r.id()))
            if (e instanceof OrderEvent.Filled f) filled = filled.add(f.fill().quantity());
        BigDecimal total = filled;
        assertThat(total).isPositive().isLessThanOrEqualTo(r.quantity());
        assertThat(broker.positions()).singleElement().satisfies(p -> assertThat(p.quantity()).isEqualByComparingTo(total));
    }

    @Test
    void everyEmittedEventSequenceIsALegalLifecycle() {
        RecordingSink sink = new RecordingSink();
        Broker broker = brokerEmittingTo(sink);
        OrderRequest market = marketBuy("2"), resting = farLimitBuy(), cancelled = farLimitBuy();
        broker.submit(market);
        broker.submit(resting);
        broker.submit(cancelled);
        advanceMarket();
        broker.cancel(cancelled.id());
        advanceMarket();
        Set<ClientOrderId> ids = new HashSet<>();
        for (OrderEvent e : sink.events()) ids.add(e.orderId());
        assertThat(ids).contains(market.id(), resting.id(), cancelled.id());
        for (ClientOrderId id : ids) {
            OrderStatus s = OrderStatus.NEW;
            for (OrderEvent e : sink.forOrder(id)) {
                boolean full = e instanceof OrderEvent.Filled f && f.leavesQuantity().signum() == 0;
                s = s.next(e, full); // throws naming the illegal transition
            }
            assertThat(s).as("order %s", id).isNotEqualTo(OrderStatus.NEW);
        }
    }
}
