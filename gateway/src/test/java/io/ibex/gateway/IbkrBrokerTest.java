package io.ibex.gateway;

import io.ibex.framework.domain.ClientOrderId;
import io.ibex.framework.domain.Instrument;
import io.ibex.framework.domain.OrderRequest;
import io.ibex.framework.domain.OrderType;
import io.ibex.framework.domain.Side;
import io.ibex.framework.domain.TimeInForce;
import io.ibex.framework.error.BrokerException;
import io.ibex.framework.event.OrderEvent;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import static io.ibex.gateway.TestGateway.Reply;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class IbkrBrokerTest {
    private static final String ORDERS = "/v1/api/iserver/account/U1234567/orders";
    private final ManualClock clock = new ManualClock();
    private final List<OrderEvent> events = new CopyOnWriteArrayList<>();
    private TestGateway gw;

    @AfterEach void stop() { if (gw != null) gw.close(); }

    private IbkrBroker broker() {
        return new IbkrBroker(gw.client(clock), new AccountId("U1234567"), events::add, clock,
            QuestionPolicy.allowList(QuestionPolicy.DEFAULT_ALLOWED));
    }

    private static OrderRequest buy(String id) {
        return OrderRequest.market(new ClientOrderId(id), Instrument.of("AAPL"), Side.BUY, BigDecimal.TEN);
    }

    @Test
    void aPlacedOrderEmitsSubmittedThenAcceptedAndIsNeverSentTwice() throws Exception {
        gw = TestGateway.start().on("GET", "/v1/api/iserver/secdef/search", Reply.ok(Recorded.body("secdef-search/aapl")))
            .on("POST", ORDERS, Reply.ok(Recorded.body("place-order/placed")));
        IbkrBroker broker = broker();
        broker.submit(buy("run1-1"));
        broker.submit(buy("run1-1"));

        assertThat(events).hasSize(2);
        assertThat(events.get(0)).isInstanceOf(OrderEvent.Submitted.class);
        assertThat(events.get(1)).isEqualTo(new OrderEvent.Accepted(new ClientOrderId("run1-1"), clock.now().toEpochMilli(), "1234567890"));
        assertThat(gw.requests("POST", ORDERS)).singleElement().extracting(TestGateway.Recorded::body).asString()
            .contains("\"cOID\":\"run1-1\"").contains("\"conid\":265598").contains("\"orderType\":\"MKT\"");
    }

    @Test
    void stopAndStopLimitPricesGoWhereTheGatewayExpectsThem() {
        OrderRequest stop = new OrderRequest(new ClientOrderId("s"), Instrument.of("AAPL"), Side.SELL, BigDecimal.ONE,
            OrderType.STP, null, new BigDecimal("90"), TimeInForce.GTC, null, null);
        OrderRequest stopLimit = new OrderRequest(new ClientOrderId("sl"), Instrument.of("AAPL"), Side.SELL, BigDecimal.ONE,
            OrderType.STOP_LIMIT, new BigDecimal("89"), new BigDecimal("90"), TimeInForce.DAY, null, null);
        assertThat(IbkrBroker.ticket(stop, 1, "U1")).extracting(OrderTicket::price, OrderTicket::auxPrice)
            .containsExactly(new BigDecimal("90"), null);
        assertThat(IbkrBroker.ticket(stopLimit, 1, "U1")).extracting(OrderTicket::price, OrderTicket::auxPrice)
            .containsExactly(new BigDecimal("89"), new BigDecimal("90"));
    }

    @Test
    void anAmbiguousOutcomeThrowsWithTheCoidAndASecondSubmitSendsNothing() throws Exception {
        gw = TestGateway.start().on("GET", "/v1/api/iserver/secdef/search", Reply.ok(Recorded.body("secdef-search/aapl")))
            .on("POST", ORDERS, Reply.status(503, ""));
        IbkrBroker broker = broker();
        assertThatThrownBy(() -> broker.submit(buy("run1-2"))).isInstanceOf(OrderOutcomeUnknownException.class)
            .hasMessageContaining("run1-2");
        broker.submit(buy("run1-2"));
        assertThat(gw.requests("POST", ORDERS)).hasSize(1);
    }

    @Test
    void alreadyRegisteredIsProofOfPlacementAndTheOrderIsAdoptedFromLiveOrders() throws Exception {
        gw = TestGateway.start().on("GET", "/v1/api/iserver/secdef/search", Reply.ok(Recorded.body("secdef-search/aapl")))
            .on("POST", ORDERS, Reply.ok("{\"error\":\"Order couldn't be submitted: Local order ID=ibex-cli-1 is already registered.\"}"))
            .on("GET", "/v1/api/iserver/account/orders", Reply.ok(Recorded.body("live-orders/orders")));
        broker().submit(buy("ibex-cli-1"));
        assertThat(events).last().isEqualTo(new OrderEvent.Accepted(new ClientOrderId("ibex-cli-1"), clock.now().toEpochMilli(), "1234568791"));
    }

    @Test
    void aRejectionBecomesARejectedEventWithTheGatewaysReason() throws Exception {
        gw = TestGateway.start().on("GET", "/v1/api/iserver/secdef/search", Reply.ok(Recorded.body("secdef-search/aapl")))
            .on("POST", ORDERS, Reply.ok(Recorded.body("place-order/rejected")));
        broker().submit(buy("run1-3"));
        assertThat(events).last().isInstanceOfSatisfying(OrderEvent.Rejected.class,
            r -> assertThat(r.reason()).contains("limit price"));
    }

    @Test
    void pollTurnsExecutionsIntoFillsOnceEachAndComputesLeaves() throws Exception {
        gw = TestGateway.start().on("GET", "/v1/api/iserver/secdef/search", Reply.ok(Recorded.body("secdef-search/aapl")))
            .on("POST", ORDERS, Reply.ok(Recorded.body("place-order/placed")))
            .on("GET", "/v1/api/iserver/account/trades", Reply.ok("[{\"execution_id\":\"e1\",\"side\":\"B\",\"size\":4,"
                + "\"price\":\"100.5\",\"commission\":\"1.00\",\"order_ref\":\"run1-4\",\"trade_time_r\":1702317649000},"
                + "{\"execution_id\":\"x\",\"side\":\"B\",\"size\":1,\"price\":\"1\",\"order_ref\":\"someone-else\",\"trade_time_r\":1702317649000}]"))
            .on("GET", "/v1/api/iserver/account/orders", Reply.ok("{\"orders\":[{\"orderId\":1,\"order_ref\":\"run1-4\",\"status\":\"Submitted\"}]}"));
        IbkrBroker broker = broker();
        broker.submit(buy("run1-4"));
        broker.poll();
        broker.poll();

        List<OrderEvent.Filled> fills = events.stream().filter(OrderEvent.Filled.class::isInstance).map(OrderEvent.Filled.class::cast).toList();
        assertThat(fills).singleElement().satisfies(f -> {
            assertThat(f.fill().executionId()).isEqualTo("e1");
            assertThat(f.fill().price()).isEqualByComparingTo("100.5");
            assertThat(f.leavesQuantity()).isEqualByComparingTo("6");
        });
    }

    @Test
    void cancellingAnOrderTheGatewayDoesNotKnowFailsNamingIt() throws Exception {
        gw = TestGateway.start().on("GET", "/v1/api/iserver/account/orders", Reply.ok(Recorded.body("live-orders/empty")))
            .on("GET", "/v1/api/iserver/account/trades", Reply.ok("[]"));
        assertThatThrownBy(() -> broker().cancel(new ClientOrderId("nope"))).isInstanceOf(BrokerException.class)
            .hasMessageContaining("nope");
        assertThat(gw.requests.stream().filter(r -> r.method().equals("DELETE"))).isEmpty();
    }
}
