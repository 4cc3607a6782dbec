package io.ibex.gateway;

import com.fasterxml.jackson.databind.JsonNode;
import io.ibex.framework.domain.Bars;
import io.ibex.framework.domain.Instrument;

/**
 * {@code /iserver/marketdata/history} to columnar {@link Bars}. Bars arrive as real JSON numbers with {@code t} in
 * epoch ms; {@code {"error":"No data."}} is an empty series; a bar that breaks OHLC rules is a protocol error naming it.
 */
public final class HistoryParser {
    private HistoryParser() {}

    public static Bars parse(String body, Instrument instrument, long conid) {
        String endpoint = "/iserver/marketdata/history";
        JsonNode root = JsonBodies.tree(endpoint, body);
        Bars.Builder bars = Bars.builder(instrument, "ibkr:history:" + conid);
        if (root.hasNonNull("error") && !root.has("data")) {
            if (root.get("error").asText().toLowerCase().contains("no data")) return bars.build();
            throw new GatewayRequestException(200, endpoint, root.get("error").asText());
        }
        int i = 0;
        for (JsonNode b : root.path("data")) {
            try {
                bars.add(Lenient.epochMillis(b.get("t")).orElseThrow(), b.path("o").asDouble(Double.NaN), b.path("h").asDouble(Double.NaN),
                    b.path("l").asDouble(Double.NaN), b.path("c").asDouble(Double.NaN), b.path("v").asDouble(0));
            } catch (RuntimeException e) {
                throw new GatewayProtocolException(endpoint, "bar " + i + " unusable: " + e.getMessage());
            }
            i++;
        }
        return bars.build();
    }
}
