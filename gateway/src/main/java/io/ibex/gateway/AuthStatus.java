package io.ibex.gateway;

import com.fasterxml.jackson.databind.JsonNode;

/** Brokerage session flags from {@code /iserver/auth/status} or the {@code iserver.authStatus} part of a tickle. */
public record AuthStatus(boolean authenticated, boolean connected, boolean competing, String message) {
    public boolean healthy() { return authenticated && connected && !competing; }

    public static AuthStatus parse(String body) {
        JsonNode n = JsonBodies.tree("/iserver/auth/status", body);
        JsonNode s = n.has("iserver") ? n.path("iserver").path("authStatus") : n;
        return new AuthStatus(s.path("authenticated").asBoolean(false), s.path("connected").asBoolean(false),
            s.path("competing").asBoolean(false), s.path("message").asText(""));
    }
}
