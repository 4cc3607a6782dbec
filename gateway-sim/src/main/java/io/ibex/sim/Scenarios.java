package io.ibex.sim;

import com.fasterxml.jackson.databind.JsonNode;

/** A scenario file for {@code ibex gateway-sim --scenario}: faults to inject and a login policy, applied at start. */
public final class Scenarios {
    private Scenarios() {}

    /** @return the parsed object, or null when the text is not a JSON object */
    public static JsonNode parse(String text) {
        JsonNode n = Json.parseOrNull(text);
        return n != null && n.isObject() ? n : null;
    }

    /** Applies {@code faults} and {@code loginPolicy}; a fault the simulator refuses throws with its reason. */
    public static void apply(GatewaySimulator sim, JsonNode scenario) {
        for (JsonNode f : scenario.path("faults")) {
            SimResponse r;
            synchronized (sim.lock) { r = sim.admin.addFaultJson(f); }
            if (r.status() != 200) throw new IllegalArgumentException("fault " + f + ": " + r.bodyText());
        }
        JsonNode lp = scenario.get("loginPolicy");
        if (lp != null) synchronized (sim.lock) {
            sim.login.scenario(lp.path("scenario").asText("success"),
                lp.hasNonNull("approveAfterMs") ? lp.get("approveAfterMs").asLong() : null);
        }
    }
}
