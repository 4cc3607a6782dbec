package io.ibex.session;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/** Turns a tickle's HTTP status and body into a {@link TickleStatus} (ibkr-gateway.md §2.2, §2.4). */
public final class TickleClassifier {
    private static final ObjectMapper JSON = new ObjectMapper();

    private TickleClassifier() {}

    public static TickleStatus classify(int httpStatus, String body) {
        if (httpStatus == 401) return new TickleStatus.NoSession();
        if (httpStatus < 200 || httpStatus > 299) return new TickleStatus.Unexpected(httpStatus, "HTTP " + httpStatus);
        JsonNode root;
        try {
            root = JSON.readTree(body == null ? "" : body);
        } catch (java.io.IOException e) {
            return new TickleStatus.Unexpected(httpStatus, "tickle body is not JSON");
        }
        if (root == null || !root.isObject()) return new TickleStatus.Unexpected(httpStatus, "tickle body is not a JSON object");
        // IBeam treats a 2xx {"error":"no session"} like a 401; "no bridge" lives under hmds and is harmless.
        if ("no session".equals(root.path("error").asText(null))) return new TickleStatus.NoSession();
        JsonNode auth = root.path("iserver").path("authStatus");
        if (!auth.isObject()) return new TickleStatus.NotAuthenticated(false);   // IBeam reads a missing authStatus as "not authenticated"
        return classifyAuth(parseAuth(auth), root.path("session").asText(""));
    }

    static TickleStatus classifyAuth(AuthStatus auth, String sessionId) {
        if (auth.competing()) return new TickleStatus.Competing();
        if (auth.authenticated() && auth.connected()) return new TickleStatus.Healthy(sessionId);
        return new TickleStatus.NotAuthenticated(auth.connected());
    }

    /** Parses an auth-status object ({@code /iserver/auth/status}, {@code ssodh/init}, or a tickle's {@code iserver.authStatus}). */
    public static AuthStatus parseAuthStatus(String body) {
        try {
            return parseAuth(JSON.readTree(body));
        } catch (java.io.IOException e) {
            return new AuthStatus(false, false, false);
        }
    }

    private static AuthStatus parseAuth(JsonNode auth) {
        return new AuthStatus(auth.path("authenticated").asBoolean(false), auth.path("connected").asBoolean(false),
            auth.path("competing").asBoolean(false));
    }
}
