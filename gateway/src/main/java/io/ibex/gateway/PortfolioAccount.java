package io.ibex.gateway;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.ArrayList;
import java.util.List;

/** One row of {@code /portfolio/accounts}; {@code type} is "DEMO" for paper accounts. */
public record PortfolioAccount(String id, String title, String currency, String type, String alias) {
    public static List<PortfolioAccount> parseList(String body) {
        List<PortfolioAccount> out = new ArrayList<>();
        for (JsonNode a : JsonBodies.array("/portfolio/accounts", body, null)) {
            String id = Lenient.text(a.has("accountId") ? a.get("accountId") : a.get("id"));
            if (id.isEmpty()) continue;
            out.add(new PortfolioAccount(id, Lenient.text(a.get("accountTitle")), Lenient.text(a.get("currency")),
                Lenient.text(a.get("type")), Lenient.text(a.get("accountAlias"))));
        }
        return out;
    }
}
