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
import java.util.HashSet;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * What every {@link Broker} promises (STYLE.md 2.5), as tests any implementation inherits: the simulated broker in
 * backtest, the IBKR adapter over a recorded gateway tape in live-runner. Ships in framework's test-jar.
 */
public abstract class BrokerContract {
    /** A fresh broker trading {@link #instrument()} that reports to {@code sink}, ready to accept orders. */
    protected abstract Broker brokerEmittingTo(RecordingSink sink);

    protected abstract Instrument instrument();

    /** Moves the market on by one step (simulated: the next bar; IBKR: the next recorded gateway reply). */
    protected abstract void advanceMarket();

    /** A price so far below the market that a buy limit there does not fill during the test. */
    protected abstract BigDecimal farBelowMarket();

    private int ids;

    private OrderRequest farLimitBuy() {
        return new OrderRequest(new ClientOrderId("contract-" + ++ids), instrument(), Side.BUY, BigDecimal.ONE, OrderType.LMT,
            farBelowMarket(), null, TimeInForce.GTC, null, null);
    }

    private OrderRequest marketBuy(String qty) {
        return OrderRequest.market(new ClientOrderId("contract-" + ++ids), instrument(), Side.BUY, new BigDecimal(qty));
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
