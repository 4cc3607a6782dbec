package io.ibex.gateway;

import io.ibex.framework.domain.OrderType;
import io.ibex.framework.domain.Side;
import io.ibex.framework.domain.TimeInForce;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.util.Arrays;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Brackets and OCA groups on the wire (ibkr-gateway.md §6.6) and the one-id-per-leg reply. */
class GroupTicketJsonTest {
    static OrderTicket leg(Side side, OrderType type, String price, String coid) {
        return new OrderTicket("U1234567", 265598, side, BigDecimal.ONE, type, price == null ? null : new BigDecimal(price), null,
            TimeInForce.GTC, coid, false);
    }

    @Test
    void aBracketIsOneOrdersArrayWhoseChildrenNameTheParentsCoidAndCarryNoneOfTheirOwn() {
        String body = OrderJson.placeGroup(List.of(leg(Side.BUY, OrderType.MKT, null, "P1"), leg(Side.SELL, OrderType.LMT, "103", "C1"),
            leg(Side.SELL, OrderType.STP, "98", "C2")), Arrays.asList(null, "P1", "P1"), false);
        assertThat(body).isEqualTo("{\"orders\":["
            + "{\"acctId\":\"U1234567\",\"conid\":265598,\"orderType\":\"MKT\",\"side\":\"BUY\",\"quantity\":1,\"tif\":\"GTC\",\"outsideRTH\":false,\"cOID\":\"P1\"},"
            + "{\"acctId\":\"U1234567\",\"conid\":265598,\"orderType\":\"LMT\",\"side\":\"SELL\",\"quantity\":1,\"price\":103,\"tif\":\"GTC\",\"outsideRTH\":false,\"parentId\":\"P1\"},"
            + "{\"acctId\":\"U1234567\",\"conid\":265598,\"orderType\":\"STP\",\"side\":\"SELL\",\"quantity\":1,\"price\":98,\"tif\":\"GTC\",\"outsideRTH\":false,\"parentId\":\"P1\"}]}");
        assertThat(body).doesNotContain("isSingleGroup").doesNotContain("C1").doesNotContain("C2");
    }

    @Test
    void everyLegOfAnOcaGroupSaysIsSingleGroupAndKeepsItsCoid() {
        String body = OrderJson.placeGroup(List.of(leg(Side.BUY, OrderType.LMT, "99", "A"), leg(Side.BUY, OrderType.STP, "103", "B")),
            Arrays.asList(null, null), true);
        assertThat(body.split("\"isSingleGroup\":true", -1)).hasSize(3);
        assertThat(body).contains("\"cOID\":\"A\"").contains("\"cOID\":\"B\"").doesNotContain("parentId");
        assertThatThrownBy(() -> OrderJson.placeGroup(List.of(leg(Side.BUY, OrderType.MKT, null, "A")), List.of(), false))
            .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("1 legs but 0 parent ids");
    }

    @Test
    void aPlacedReplyKeepsOneOrderIdPerLegInSubmissionOrder() {
        var p = (PlaceOrderReply.Placed) PlaceOrderReplyParser.parse("/o", "[{\"order_id\":\"11\",\"order_status\":\"Submitted\"},"
            + "{\"order_id\":12,\"order_status\":\"PreSubmitted\"},{\"order_id\":\"13\",\"order_status\":\"PreSubmitted\"}]");
        assertThat(p.orderId()).isEqualTo("11");
        assertThat(p.orderIds()).containsExactly("11", "12", "13");
        assertThat(new PlaceOrderReply.Placed("7", "Submitted").orderIds()).containsExactly("7");
        assertThatThrownBy(() -> new PlaceOrderReply.Placed("7", "Submitted", List.of("8")))
            .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("must start with the order id 7");
    }

    @Test
    void aTradeRowKeepsIbkrsOrderIdSoABracketChildsExecutionCanBeMatched() {
        List<Trade> t = Trade.parseList("[{\"execution_id\":\"e1\",\"symbol\":\"AAPL\",\"side\":\"S\",\"size\":1,\"price\":\"103\","
            + "\"order_ref\":\"\",\"conid\":265598,\"trade_time_r\":1702317649000,\"order_id\":1000000002},"
            + "{\"execution_id\":\"e2\",\"symbol\":\"AAPL\",\"side\":\"B\",\"size\":1,\"price\":\"100\",\"order_ref\":\"P1\","
            + "\"conid\":265598,\"trade_time_r\":1702317649000}]");
        assertThat(t.get(0).orderRef()).isEmpty();
        assertThat(t.get(0).orderId()).isEqualTo("1000000002");
        assertThat(t.get(1).orderId()).isEmpty();
    }
}
