package io.ibex.gateway;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.node.ObjectNode;

/** Builds order bodies: {@code {"orders":[{...}]}} for placement and what-if, a bare object for modify. */
public final class OrderJson {
    private OrderJson() {}

    public static String place(OrderTicket ticket) {
        ObjectNode root = Json.MAPPER.createObjectNode();
        root.putArray("orders").add(order(ticket));
        return write(root);
    }

    public static String modify(OrderTicket ticket) {
        return write(order(ticket));
    }

    public static String confirm(boolean confirmed) {
        return confirmed ? "{\"confirmed\":true}" : "{\"confirmed\":false}";
    }

    static ObjectNode order(OrderTicket t) {
        ObjectNode o = Json.MAPPER.createObjectNode();
        o.put("acctId", t.accountId());
        o.put("conid", t.conid());
        o.put("orderType", t.type().name());
        o.put("side", t.side().name());
        o.put("quantity", t.quantity());
        if (t.price() != null) o.put("price", t.price());
        if (t.auxPrice() != null) o.put("auxPrice", t.auxPrice());
        o.put("tif", t.tif().name());
        o.put("outsideRTH", t.outsideRth());
        if (t.clientOrderId() != null) o.put("cOID", t.clientOrderId());
        return o;
    }

    static String write(Object node) {
        try {
            return Json.MAPPER.writeValueAsString(node);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write order JSON", e);
        }
    }
}
