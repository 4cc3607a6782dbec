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

    /**
     * A bracket or OCA group as one body (ibkr-gateway.md §6.6): {@code parentIds.get(k)} non-null makes leg {@code k} a
     * child of the leg whose cOID it names (a child carries no cOID of its own); {@code singleGroup} puts
     * {@code "isSingleGroup":true} on every leg.
     */
    public static String placeGroup(java.util.List<OrderTicket> legs, java.util.List<String> parentIds, boolean singleGroup) {
        if (legs.size() != parentIds.size()) throw new IllegalArgumentException(legs.size() + " legs but " + parentIds.size() + " parent ids");
        ObjectNode root = Json.MAPPER.createObjectNode();
        var orders = root.putArray("orders");
        for (int k = 0; k < legs.size(); k++) {
            ObjectNode o = order(legs.get(k));
            if (parentIds.get(k) != null) {
                o.remove("cOID");
                o.put("parentId", parentIds.get(k));
            }
            if (singleGroup) o.put("isSingleGroup", true);
            orders.add(o);
        }
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
