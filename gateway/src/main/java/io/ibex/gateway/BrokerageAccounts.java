package io.ibex.gateway;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.ArrayList;
import java.util.List;

/** {@code GET /iserver/accounts}: the account ids this login may trade and the one currently selected. */
public record BrokerageAccounts(List<String> accounts, String selected, boolean paper) {
    public BrokerageAccounts {
        accounts = List.copyOf(accounts);
    }

    public static BrokerageAccounts parse(String body) {
        JsonNode root = JsonBodies.tree("/iserver/accounts", body);
        List<String> ids = new ArrayList<>();
        root.path("accounts").forEach(a -> ids.add(a.asText()));
        String selected = root.hasNonNull("selectedAccount") ? root.get("selectedAccount").asText() : (ids.isEmpty() ? "" : ids.get(0));
        return new BrokerageAccounts(ids, selected, root.path("isPaper").asBoolean(false));
    }
}
