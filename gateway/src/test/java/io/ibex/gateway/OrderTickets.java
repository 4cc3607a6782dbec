package io.ibex.gateway;

import io.ibex.framework.domain.OrderType;
import io.ibex.framework.domain.Side;
import io.ibex.framework.domain.TimeInForce;

import java.math.BigDecimal;

final class OrderTickets {
    private OrderTickets() {}

    static OrderTicket market(String account, long conid, String coid) {
        return new OrderTicket(account, conid, Side.BUY, BigDecimal.TEN, OrderType.MKT, null, null, TimeInForce.DAY, coid, false);
    }

    static OrderTicket limit(String account, long conid, String coid, String price) {
        return new OrderTicket(account, conid, Side.BUY, BigDecimal.TEN, OrderType.LMT, new BigDecimal(price), null,
            TimeInForce.DAY, coid, false);
    }
}
