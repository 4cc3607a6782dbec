package io.ibex.gateway;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * The answer to {@code DELETE .../order/{id}}: an acknowledgement of the request only (the cancel is confirmed
 * later in live orders), or the gateway's refusal ({@code {"error":"OrderID 1 doesn't exist"}}).
 */
public record CancelReply(boolean acknowledged, String orderId, String message) {
    public static CancelReply parse(String body) {
        JsonNode n = JsonBodies.tree("/iserver/account/order", body);
        if (n.isArray() && !n.isEmpty()) n = n.get(0);
        if (n.hasNonNull("error")) return new CancelReply(false, "", Redact.accounts(n.get("error").asText()));
        return new CancelReply(true, Lenient.id(n.get("order_id")).orElse(""), Lenient.text(n.get("msg")));
    }
}
