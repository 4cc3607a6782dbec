package io.ibex.sim;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/** tickle, auth/status, ssodh/init, reauthenticate, logout, sso/validate (§4 "Session"). */
final class SessionApi {
    private final GatewaySimulator sim;

    SessionApi(GatewaySimulator sim) { this.sim = sim; }

    void register(Router r) {
        r.add("POST", "/tickle", Router.Group.TICKLE_STATUS, c -> tickle());
        r.add("GET", "/iserver/auth/status", Router.Group.TICKLE_STATUS, c -> SimResponse.json(Json.write(authStatus())));
        r.add("POST", "/iserver/auth/status", Router.Group.TICKLE_STATUS, c -> SimResponse.json(Json.write(authStatus())));
        r.add("POST", "/iserver/auth/ssodh/init", Router.Group.SSODH_INIT, this::ssodhInit);
        r.add("POST", "/iserver/reauthenticate", Router.Group.REAUTHENTICATE, c -> reauthenticate());
        r.add("POST", "/logout", Router.Group.LOGOUT, c -> logout());
        r.add("GET", "/sso/validate", Router.Group.SSO_VALIDATE, c -> validate());
    }

    ObjectNode authStatus() {
        ObjectNode s = Json.object();
        s.put("authenticated", sim.state == SessionState.AUTHENTICATED);
        s.put("competing", sim.state == SessionState.COMPETING);
        s.put("connected", sim.hasSso() && sim.brokerageConnected);
        s.put("message", "");
        s.put("MAC", "02:00:00:00:00:01");
        s.set("serverInfo", serverInfo());
        s.put("hardware_info", "0badc0de|02:00:00:00:00:01");
        s.put("fail", "");
        return s;
    }

    static ObjectNode serverInfo() {
        ObjectNode si = Json.object();
        si.put("serverName", "SimServer1");
        si.put("serverVersion", "Build 10.25.0p, Dec 5, 2023 5:48:12 PM");
        return si;
    }

    private SimResponse tickle() {
        ObjectNode t = Json.object();
        t.put("session", sim.sessionId);
        t.put("ssoExpires", Math.max(0, sim.lastRequestMillis + sim.options.ssoIdleTimeout.toMillis() - sim.nowMillis()));
        t.put("collission", false);
        t.put("userId", sim.userId);
        t.set("hmds", Json.object().put("error", "no bridge"));
        t.set("iserver", Json.object().set("authStatus", authStatus()));
        return SimResponse.json(Json.write(t));
    }

    private SimResponse ssodhInit(Router.Call c) {
        JsonNode body = Json.parseOrNull(c.request().bodyText());
        boolean publish, compete;
        if (body == null && sim.options.allowBodylessInitFromIBeam) { publish = true; compete = false; }
        else {
            publish = body != null && body.path("publish").isBoolean() && body.path("publish").asBoolean();
            compete = body != null && body.path("compete").asBoolean(false);
        }
        if (!publish) return SimResponse.errorObject(500, "publish must be true");
        if (sim.state == SessionState.BROKERAGE_DOWN || (sim.state == SessionState.COMPETING && compete))
            sim.setState(SessionState.AUTHENTICATED);
        return SimResponse.json(Json.write(authStatus()));
    }

    private SimResponse reauthenticate() {
        if (sim.state == SessionState.BROKERAGE_DOWN || sim.state == SessionState.COMPETING) {
            sim.schedule(sim.options.reauthenticateDelay, () -> {
                if (sim.state == SessionState.BROKERAGE_DOWN || sim.state == SessionState.COMPETING)
                    sim.setState(SessionState.AUTHENTICATED);
            });
        }
        return SimResponse.json("{\"message\":\"triggered\"}");
    }

    private SimResponse logout() {
        sim.setState(SessionState.BROKERAGE_DOWN);
        sim.brokerageConnected = false;
        return SimResponse.json("{\"status\":true}");
    }

    private SimResponse validate() {
        ObjectNode v = Json.object();
        v.put("USER_ID", sim.userId);
        v.put("USER_NAME", sim.options.username);
        v.put("RESULT", true);
        v.put("AUTH_TIME", sim.reported(sim.loginAtMillis));
        v.put("EXPIRES", Math.max(0, sim.lastRequestMillis + sim.options.ssoIdleTimeout.toMillis() - sim.nowMillis()));
        v.put("LOGIN_TYPE", sim.accounts.get(0).isPaper() ? 2 : 1);
        v.put("PAPER_USER_NAME", sim.options.username);
        v.put("IS_MASTER", false);
        v.put("lastAccessed", sim.reported(sim.nowMillis()));
        v.set("features", Json.object().put("env", "PROD").put("realtime", true));
        v.put("region", "NJ");
        return SimResponse.json(Json.write(v));
    }
}
