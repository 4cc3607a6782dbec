package io.ibex.gateway;

import com.fasterxml.jackson.databind.JsonNode;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;

/** One currency of {@code /portfolio/{id}/ledger} ({@code BASE} included); timestamp arrives in epoch seconds. */
public record LedgerEntry(String key, BigDecimal cashBalance, BigDecimal settledCash, BigDecimal netLiquidation,
                          BigDecimal stockMarketValue, BigDecimal unrealizedPnl, BigDecimal realizedPnl,
                          BigDecimal exchangeRate, OptionalLong timestampMillis) {

    public static List<LedgerEntry> parse(String body) {
        JsonNode root = JsonBodies.tree("/portfolio/ledger", body);
        if (!root.isObject()) throw new GatewayProtocolException("/portfolio/ledger", "expected a JSON object");
        List<LedgerEntry> out = new ArrayList<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = root.fields(); it.hasNext(); ) {
            var e = it.next();
            JsonNode v = e.getValue();
            if (!v.isObject()) continue;
            out.add(new LedgerEntry(e.getKey(), d(v, "cashbalance"), d(v, "settledcash"), d(v, "netliquidationvalue"),
                d(v, "stockmarketvalue"), d(v, "unrealizedpnl"), d(v, "realizedpnl"), d(v, "exchangerate"),
                Lenient.epochMillis(v.get("timestamp"))));
        }
        out.sort((a, b) -> a.key().equals("BASE") ? -1 : b.key().equals("BASE") ? 1 : a.key().compareTo(b.key()));
        return out;
    }

    private static BigDecimal d(JsonNode v, String key) {
        return Lenient.decimal(v.get(key)).orElse(null);
    }
}
