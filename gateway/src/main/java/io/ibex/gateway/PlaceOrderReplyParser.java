package io.ibex.gateway;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.ArrayList;
import java.util.List;

/**
 * Tells the three order-reply shapes apart by structure: {@code [{"order_id":..}]} placed, {@code [{"id":..,
 * "message":[..]}]} question, {@code {"error":..}} rejected (an object, still HTTP 200). Anything else is a
 * {@link GatewayProtocolException}, which callers treat as an unknown outcome.
 */
public final class PlaceOrderReplyParser {
    private PlaceOrderReplyParser() {}

    public static PlaceOrderReply parse(String endpoint, String body) {
        JsonNode node = JsonBodies.tree(endpoint, body);
        List<String> all = new ArrayList<>();
        if (node.isArray()) for (JsonNode n : node) Lenient.id(n.get("order_id")).ifPresent(all::add);
        if (node.isArray()) {
            if (node.isEmpty()) throw new GatewayProtocolException(endpoint, "empty order reply []");
            node = node.get(0);
        }
        if (!node.isObject()) throw new GatewayProtocolException(endpoint, "order reply is neither an object nor an array of objects");
        if (node.hasNonNull("error")) return new PlaceOrderReply.Rejected(Redact.accounts(node.get("error").asText()));
        var orderId = Lenient.id(node.get("order_id"));
        if (orderId.isPresent())
            return new PlaceOrderReply.Placed(orderId.get(), Lenient.text(node.get("order_status")),
                all.isEmpty() || !all.get(0).equals(orderId.get()) ? List.of(orderId.get()) : all);
        if (node.hasNonNull("id") && (node.has("message") || node.has("messageIds")))
            return new PlaceOrderReply.NeedsConfirmation(node.get("id").asText(), strings(node.get("message")), strings(node.get("messageIds")));
        throw new GatewayProtocolException(endpoint, "order reply has neither order_id, id+message nor error");
    }

    private static List<String> strings(JsonNode node) {
        List<String> out = new ArrayList<>();
        if (node == null || node.isNull()) return out;
        if (node.isArray()) node.forEach(n -> out.add(Redact.accounts(n.asText())));
        else out.add(Redact.accounts(node.asText()));
        return out;
    }
}
