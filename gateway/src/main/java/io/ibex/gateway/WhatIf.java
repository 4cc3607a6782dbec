package io.ibex.gateway;

import com.fasterxml.jackson.databind.JsonNode;

/** {@code /orders/whatif}: the gateway's formatted strings (amount, commission, total, equity after), warning and error. */
public record WhatIf(String amount, String commission, String total, String equityAfter, String warning, String error) {
    public static WhatIf parse(String body) {
        JsonNode n = JsonBodies.tree("/iserver/account/orders/whatif", body);
        return new WhatIf(Lenient.text(n.path("amount").get("amount")), Lenient.text(n.path("amount").get("commission")),
            Lenient.text(n.path("amount").get("total")), Lenient.text(n.path("equity").get("after")),
            Redact.accounts(Lenient.text(n.get("warn"))), Redact.accounts(Lenient.text(n.get("error"))));
    }
}
