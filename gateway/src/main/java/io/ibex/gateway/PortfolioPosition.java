package io.ibex.gateway;

import com.fasterxml.jackson.databind.JsonNode;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

/**
 * A position row from {@code /portfolio/{id}/positions/{page}} or {@code /portfolio2/{id}/positions} (which
 * spells the names differently and sends conid as a string). Unknown numbers are null, not zero.
 */
public record PortfolioPosition(String account, long conid, String description, BigDecimal position,
                                BigDecimal marketPrice, BigDecimal marketValue, String currency, BigDecimal avgPrice,
                                BigDecimal avgCost, BigDecimal unrealizedPnl, BigDecimal realizedPnl, String assetClass) {

    public static List<PortfolioPosition> parseList(String body) {
        JsonNode rows = JsonBodies.array("/portfolio/positions", body, null);
        List<PortfolioPosition> out = new ArrayList<>();
        for (JsonNode p : rows) {
            var conid = Lenient.conid(p.get("conid"));
            var position = Lenient.decimal(p.get("position"));
            if (conid.isEmpty() || position.isEmpty()) continue;
            out.add(new PortfolioPosition(Lenient.text(p.get("acctId")), conid.getAsLong(),
                Lenient.text(first(p, "contractDesc", "description", "ticker")), position.get(),
                Lenient.decimal(first(p, "mktPrice", "marketPrice")).orElse(null),
                Lenient.decimal(first(p, "mktValue", "marketValue")).orElse(null),
                Lenient.text(p.get("currency")), Lenient.decimal(p.get("avgPrice")).orElse(null),
                Lenient.decimal(p.get("avgCost")).orElse(null), Lenient.decimal(p.get("unrealizedPnl")).orElse(null),
                Lenient.decimal(p.get("realizedPnl")).orElse(null), Lenient.text(first(p, "assetClass", "secType"))));
        }
        return out;
    }

    private static JsonNode first(JsonNode node, String... keys) {
        for (String k : keys) if (node.hasNonNull(k)) return node.get(k);
        return null;
    }
}
