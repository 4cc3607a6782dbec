package io.ibex.gateway;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;

/** Reads a 2xx body into a tree, turning junk (HTML, truncated JSON) into a {@link GatewayProtocolException}. */
final class JsonBodies {
    private JsonBodies() {}

    static JsonNode tree(String endpoint, String body) {
        if (body == null || body.isBlank()) throw new GatewayProtocolException(endpoint, "empty body");
        try {
            return Json.MAPPER.readTree(body);
        } catch (JsonProcessingException e) {
            throw new GatewayProtocolException(endpoint, "unreadable JSON: " + ErrorBody.message(body));
        }
    }

    /** The array itself, or the array under {@code key} of an object; a 200 {@code {"error":..}} becomes an exception. */
    static JsonNode array(String endpoint, String body, String key) {
        JsonNode node = tree(endpoint, body);
        if (node.isArray()) return node;
        if (node.isObject() && key != null && node.get(key) != null && node.get(key).isArray()) return node.get(key);
        if (node.isObject() && node.hasNonNull("error"))
            throw new GatewayRequestException(200, endpoint, Redact.accounts(node.get("error").asText()));
        if (node.isObject() && key != null && !node.has(key)) return Json.MAPPER.createArrayNode();
        throw new GatewayProtocolException(endpoint, "expected a JSON array" + (key == null ? "" : " or {\"" + key + "\":[...]}"));
    }
}
