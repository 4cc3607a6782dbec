package io.ibex.sim;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;

/**
 * Everything outside {@code /v1}: the {@code /__sim} admin API (§5.2), the JSON login flow (§6.1) and the tiny HTML
 * login page. Exempt from pacing, 411 and faults, except a latency rule on {@code /__sim/login/**}.
 *
 * <p>The login page and login flow stand for the gateway's own login page, which any local process can open: they are
 * open and journaled (passwords masked). Every other {@code /__sim} route is the simulator's control plane: it needs
 * the per-start token in {@value #TOKEN_HEADER} and is never journaled (so reading the journal does not grow it).
 */
final class AdminApi {
    private static final String PAGE = "<html><body><form><input name=\"username\"><input name=\"password\" type=\"password\">"
        + "<button class=\"btn btn-lg xyz-button-login\">Login</button></form></body></html>";

    /** The header that carries {@link GatewaySimulator#adminToken()}. */
    static final String TOKEN_HEADER = "X-Sim-Token";

    private final GatewaySimulator sim;

    AdminApi(GatewaySimulator sim) { this.sim = sim; }

    SimResponse handle(SimRequest req, long wall0) {
        String path = req.path();
        if (path.startsWith("/__sim/login")) {
            FaultRule f;
            synchronized (sim.lock) { f = sim.faults.takeLoginLatency(req.method(), path, sim.nowMillis()); }
            if (f != null && sim.pauseWall(f.latencyMillis)) return SimResponse.transport(SimResponse.Transport.DROP);
        }
        boolean control = isControl(path);
        if (control && !sim.acceptsAdminToken(req.header(TOKEN_HEADER)))
            return SimResponse.errorObject(401, "the simulator's control API needs the " + TOKEN_HEADER + " header with the"
                + " token 'ibex gateway-sim' printed at start (GatewaySimulator.adminToken() in tests)");
        synchronized (sim.lock) {
            sim.onTime();
            SimResponse r;
            try {
                r = route(req, path);
            } catch (IllegalArgumentException | IllegalStateException e) {
                r = SimResponse.errorObject(400, e.getMessage());
            }
            if (!control) new Pipeline(sim).record(req, path, r, wall0);
            return r;
        }
    }

    /** A {@code /__sim} route other than the login flow (which stands for the gateway's login page). */
    static boolean isControl(String path) {
        boolean loginFlow = path.equals("/__sim/login") || path.startsWith("/__sim/login/");
        return (path.equals("/__sim") || path.startsWith("/__sim/")) && !loginFlow;
    }

    private SimResponse route(SimRequest req, String path) {
        String m = req.method();
        JsonNode body = Json.parseOrNull(req.bodyText());
        if (m.equals("GET") && (path.equals("/") || path.equals("/sso/Login"))) {
            String html = req.query().contains("success") && sim.hasSso() ? "<html><body>Client login succeeds</body></html>" : PAGE;
            return SimResponse.text(200, "text/html;charset=utf-8", html);
        }
        if (m.equals("GET") && path.equals("/__sim/state")) return state();
        if (m.equals("POST") && path.equals("/__sim/clock/advance")) {
            long ms = body == null ? -1 : body.path("ms").asLong(-1);
            if (ms < 0) return SimResponse.errorObject(400, "body must be {\"ms\":<non-negative number>}");
            if (!sim.clock.isManual()) return SimResponse.errorObject(400, "the simulator runs on the system clock; it cannot be advanced");
            sim.clock.advance(Duration.ofMillis(ms));
            return state();
        }
        if (m.equals("POST") && path.startsWith("/__sim/session/")) return session(path.substring("/__sim/session/".length()));
        if (m.equals("POST") && path.startsWith("/__sim/ws/")) return new WebSocketControl(sim).admin(path.substring("/__sim/ws/".length()));
        if (m.equals("POST") && path.startsWith("/__sim/gateway/")) return gateway(path.substring("/__sim/gateway/".length()));
        if (path.equals("/__sim/faults")) {
            if (m.equals("DELETE")) { sim.faults.clear(); return SimResponse.json("{\"cleared\":true}"); }
            if (m.equals("POST")) return addFault(body);
        }
        if (m.equals("GET") && path.equals("/__sim/journal")) {
            String since = req.param("since");
            ArrayNode arr = Json.array();
            for (JournalEntry e : sim.journal.since(since == null ? 0 : Long.parseLong(since))) arr.add(Json.MAPPER.valueToTree(e));
            return SimResponse.json(Json.write(arr));
        }
        if (m.equals("POST") && path.equals("/__sim/login")) {
            if (body == null) return SimResponse.errorObject(400, "body must be {\"username\":..,\"password\":..}");
            return attempt(sim.login.start(body.path("username").asText(""), body.path("password").asText(""),
                body.path("twoFaMethod").asText(null)));
        }
        if (m.equals("POST") && path.equals("/__sim/login-policy")) {
            if (body == null) return SimResponse.errorObject(400, "body must be {\"scenario\":..}");
            sim.login.scenario(body.path("scenario").asText("success"),
                body.hasNonNull("approveAfterMs") ? body.get("approveAfterMs").asLong() : null);
            return SimResponse.json("{\"ok\":true}");
        }
        if (path.startsWith("/__sim/login/")) {
            String rest = path.substring("/__sim/login/".length());
            if (m.equals("GET") && !rest.contains("/")) return attempt(sim.login.poll(rest));
            if (m.equals("POST") && rest.endsWith("/code"))
                return attempt(sim.login.code(rest.substring(0, rest.length() - 5), body == null ? null : body.path("code").asText(null)));
        }
        return SimResponse.error(404, "Not Found");
    }

    private SimResponse attempt(LoginAttempt a) {
        if (a == null) return SimResponse.errorObject(404, "unknown loginId");
        return SimResponse.json(Json.write(Json.object().put("loginId", a.id).put("state", a.state.name()).put("message", a.message)));
    }

    private SimResponse state() {
        ObjectNode s = Json.object();
        s.put("session", sim.visibleState().name()).put("epoch", sim.epochNumber())
            .put("clock", Instant.ofEpochMilli(sim.nowMillis()).toString()).put("orders", sim.backend.orders.size());
        if (sim.pacing.inPenaltyBox()) s.put("penaltyBoxUntil", "active");
        else s.putNull("penaltyBoxUntil");
        return SimResponse.json(Json.write(s));
    }

    private SimResponse session(String action) {
        switch (action) {
            case "expire" -> sim.expire(ExpiryReason.MANUAL);
            case "brokerage-timeout" -> { if (sim.hasSso()) sim.setState(SessionState.BROKERAGE_DOWN); }
            case "compete" -> { if (sim.hasSso()) sim.setState(SessionState.COMPETING); }
            case "nightly-reset" -> sim.nightlyReset();
            default -> { return SimResponse.errorObject(404, "unknown session action '" + action + "'"); }
        }
        return state();
    }

    private SimResponse gateway(String action) {
        SimResponse r = SimResponse.json("{\"accepted\":\"" + action.replace("\"", "") + "\"}");
        switch (action) {
            case "stop" -> r.onDone = sim::stopGateway;
            case "start" -> sim.startGateway();
            case "restart" -> r.onDone = sim::restartGateway;
            default -> { return SimResponse.errorObject(404, "unknown gateway action '" + action + "'"); }
        }
        r.closeAfter = true;
        return r;
    }

    SimResponse addFaultJson(JsonNode b) { return addFault(b); }

    private SimResponse addFault(JsonNode b) {
        if (b == null || !b.hasNonNull("path")) return SimResponse.errorObject(400, "fault needs at least {\"path\":..,\"action\":..}");
        Route route = Route.of(b.path("method").asText(null), b.get("path").asText());
        Faults.Spec spec = sim.faults.on(route);
        if (b.path("times").asInt(0) > 0) spec.times(b.get("times").asInt());
        if (b.path("nth").asInt(0) > 0) spec.nth(b.get("nth").asInt());
        if (b.path("applyFirst").asBoolean(false)) spec.applyFirst();
        long latency = b.path("latencyMs").asLong(0);
        String action = b.path("action").asText("respond");
        if (latency > 0 && !action.equals("latency")) spec.after(Duration.ofMillis(latency));
        int times = Math.max(1, b.path("times").asInt(1));
        FaultRule rule = switch (action) {
            case "respond" -> spec.respond(b.path("status").asInt(503), b.path("body").asText(""));
            case "latency" -> spec.latency(Duration.ofMillis(latency));
            case "drop" -> spec.dropConnection();
            case "reset" -> spec.resetConnection();
            case "hang" -> spec.hang();
            case "noBridge" -> spec.noBridge();
            case "status429" -> spec.status429();
            case "raw" -> spec.raw(b.path("body").asText("").getBytes(StandardCharsets.UTF_8));
            case "acceptThenTimeout" -> { sim.orders().acceptThenTimeout(times, Duration.ofMillis(latency == 0 ? 10_000 : latency)); yield null; }
            case "failThenTimeout" -> { sim.orders().failThenTimeout(times, Duration.ofMillis(latency == 0 ? 10_000 : latency)); yield null; }
            default -> throw new IllegalArgumentException("unknown fault action '" + action
                + "' (respond|latency|drop|reset|hang|noBridge|status429|raw|acceptThenTimeout|failThenTimeout)");
        };
        return SimResponse.json(Json.write(Json.object().put("registered", rule == null ? action : rule.toString())));
    }
}
