package io.ibex.gateway;

import com.fasterxml.jackson.databind.JsonNode;

import java.math.BigDecimal;
import java.util.Iterator;
import java.util.Map;
import java.util.TreeMap;

/** One entry of {@code /portfolio/{id}/summary}: an amount (null when {@code isNull}), its currency, or a text value. */
public record SummaryValue(BigDecimal amount, String currency, String text) {

    /** Keyed by the gateway's lower-case names, sorted. */
    public static Map<String, SummaryValue> parse(String body) {
        JsonNode root = JsonBodies.tree("/portfolio/summary", body);
        if (!root.isObject()) throw new GatewayProtocolException("/portfolio/summary", "expected a JSON object");
        if (root.hasNonNull("error")) throw new GatewayRequestException(200, "/portfolio/summary", Redact.accounts(root.get("error").asText()));
        Map<String, SummaryValue> out = new TreeMap<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = root.fields(); it.hasNext(); ) {
            var e = it.next();
            JsonNode v = e.getValue();
            if (!v.isObject()) continue;
            boolean isNull = v.path("isNull").asBoolean(false);
            BigDecimal amount = isNull ? null : Lenient.decimal(v.get("amount")).orElse(null);
            out.put(e.getKey(), new SummaryValue(amount, v.hasNonNull("currency") ? v.get("currency").asText() : "",
                v.hasNonNull("value") ? v.get("value").asText() : ""));
        }
        return out;
    }
}
