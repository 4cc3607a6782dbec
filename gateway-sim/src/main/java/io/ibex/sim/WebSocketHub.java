package io.ibex.sim;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * {@code wss://…/v1/api/ws} (ibkr-gateway.md §8, gateway-simulator.md "WebSocket"), fed from the same market and order
 * state as REST: the greeting, {@code system} heartbeats every 10 s of SimClock time, {@code sts} on auth changes,
 * {@code smd} pushes of changed fields on every tick move, {@code sor} on order status changes, {@code spl} on P&L
 * changes. {@code smd} subscriptions end after {@code smdLifetime}; nothing but heartbeats and {@code sts} is pushed
 * while the session is not AUTHENTICATED, and a new brokerage session (re-login) forgets every subscription.
 * Every method runs under the simulator's lock.
 */
final class WebSocketHub {
    static final long HEARTBEAT_MILLIS = 10_000;

    private final GatewaySimulator sim;
    private final MarketDataApi fields;
    private final OrderRows rows;
    private final PortfolioApi portfolio;
    private final List<WsConnection> connections = new ArrayList<>();
    private long nextId = 1;
    boolean heartbeatsStalled;

    WebSocketHub(GatewaySimulator sim) {
        this.sim = sim;
        this.fields = new MarketDataApi(sim);
        this.rows = new OrderRows(sim);
        this.portfolio = new PortfolioApi(sim);
    }

    void register(Router r) { r.add("GET", "/ws", Router.Group.READ_ONLY, this::handshake); }

    int connectionCount() {
        connections.removeIf(c -> !c.open);
        return connections.size();
    }

    /** Open connections subscribed to order updates ({@code sor}). */
    int orderSubscriberCount() {
        int n = 0;
        for (WsConnection c : connections) if (c.open && c.sor) n++;
        return n;
    }

    private SimResponse handshake(Router.Call c) {
        SimRequest req = c.request();
        String key = req.header("Sec-WebSocket-Key");
        if (key == null || req.header("Upgrade") == null || !"websocket".equalsIgnoreCase(req.header("Upgrade").trim()))
            return SimResponse.errorObject(400, "WebSocket upgrade required (Upgrade: websocket, Sec-WebSocket-Key)");
        WsConnection conn = new WsConnection(nextId++);
        boolean admitted = sim.sessionId != null && sim.sessionId.equals(cookieSession(req.header("Cookie")));
        SimResponse r = new SimResponse(101, new byte[0]);
        r.header("Upgrade", "websocket").header("Connection", "Upgrade").header("Sec-WebSocket-Accept", WsFrames.acceptKey(key));
        if (!admitted) {
            // [SIM] the socket opens, then closes with 1008 (policy violation): no greeting, nothing pushed
            r.upgrade = (in, out) -> {
                out.write(WsFrames.close(1008, "no session: send the cookie api={\"session\":\"<tickle session>\"}"));
                out.flush();
            };
            return r;
        }
        conn.lastHeartbeatMillis = sim.nowMillis();
        conn.authenticated = sim.state == SessionState.AUTHENTICATED;
        conn.epoch = sim.epochNumber();
        conn.sendText("{\"topic\":\"system\",\"success\":" + Json.quote(sim.options.username) + ",\"isFT\":false,\"isPaper\":"
            + sim.accounts.get(0).isPaper() + "}");
        if (!conn.authenticated) conn.sendText("{\"message\":\"waiting for session\"}");
        conn.sendText(sts(conn.authenticated));
        connections.add(conn);
        r.upgrade = (in, out) -> conn.serve(in, out, text -> {
            synchronized (sim.lock) { onText(conn, text); }
        });
        return r;
    }

    /** The session id from {@code api={"session":"..."}}, raw or URL-encoded; null when absent or unreadable. */
    static String cookieSession(String cookieHeader) {
        if (cookieHeader == null) return null;
        for (String part : cookieHeader.split(";")) {
            String p = part.trim();
            if (!p.startsWith("api=")) continue;
            String v = p.substring(4).trim();
            if (v.startsWith("%7B") || v.startsWith("%7b")) v = URLDecoder.decode(v, StandardCharsets.UTF_8);
            JsonNode n = Json.parseOrNull(v);
            return n == null ? null : n.path("session").asText(null);
        }
        return null;
    }

    private static String sts(boolean authenticated) {
        return "{\"topic\":\"sts\",\"args\":{\"authenticated\":" + authenticated + ",\"competing\":false,\"message\":\"\","
            + "\"fail\":\"\",\"serverName\":\"SimServer1\",\"serverVersion\":\"Build 10.25.0p, Dec 5, 2023 5:48:12 PM\"}}";
    }

    /** A client message: {@code TOPIC+TARGET+{json}}, {@code TOPIC+{json}} or a bare {@code tic}. */
    void onText(WsConnection c, String text) {
        String msg = text.trim();
        if (msg.equals("tic") || msg.equals("ech+hb")) {
            c.sendText("{\"topic\":\"" + msg + "\"}");
            return;
        }
        String[] parts = msg.split("\\+", 3);
        String topic = parts[0];
        boolean authenticated = sim.state == SessionState.AUTHENTICATED && sim.running;
        switch (topic) {
            case "smd" -> {
                if (!authenticated || parts.length < 2) return;
                subscribe(c, parts[1], parts.length > 2 ? Json.parseOrNull(parts[2]) : null);
            }
            case "umd" -> { if (parts.length > 1) c.smd.remove(parseConid(parts[1])); }
            case "sor" -> {
                if (!authenticated) return;
                c.sor = true;
                c.sorSeen.clear();
                pushOrders(c, true);
            }
            case "uor" -> c.sor = false;
            case "spl" -> {
                if (!authenticated) return;
                c.spl = true;
                c.lastSpl = null;
                pushPnl(c);
            }
            case "upl" -> c.spl = false;
            default -> sim.warnings.add("WebSocket message with an unknown topic: " + abbreviate(msg));
        }
    }

    private void subscribe(WsConnection c, String conidText, JsonNode body) {
        long conid = parseConid(conidText);
        Market m = sim.markets.get(conid);
        if (m == null) {
            c.sendText("{\"topic\":\"smd+" + conidText + "\",\"error\":\"unknown conid\"}");
            return;
        }
        WsConnection.Smd sub = c.smd.computeIfAbsent(conid, k -> new WsConnection.Smd());
        if (body != null) for (JsonNode f : body.path("fields")) sub.fields.add(f.asText());
        sub.expiresAtMillis = sim.nowMillis() + sim.options.smdLifetime.toMillis();
        pushQuote(c, conid, m, sub);
    }

    private static long parseConid(String s) {
        try {
            return Long.parseLong(s.trim());
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    /** After a tick move on {@code m}: push its changed fields to every subscriber. */
    void onTick(Market m) {
        if (connections.isEmpty() || sim.state != SessionState.AUTHENTICATED) return;
        long now = sim.nowMillis();
        for (WsConnection c : connections) {
            WsConnection.Smd sub = c.smd.get(m.instrument.conid);
            if (sub != null && c.authenticated && now < sub.expiresAtMillis) pushQuote(c, m.instrument.conid, m, sub);
        }
    }

    /** After every clock move and every REST exchange: heartbeats, auth changes, expiries, orders and P&L. */
    void pump() {
        if (connections.isEmpty()) return;
        connections.removeIf(c -> !c.open);
        long now = sim.nowMillis();
        boolean authenticated = sim.state == SessionState.AUTHENTICATED && sim.running;
        for (WsConnection c : connections) {
            if (!heartbeatsStalled && now - c.lastHeartbeatMillis >= HEARTBEAT_MILLIS) {
                c.sendText("{\"topic\":\"system\",\"hb\":" + sim.reported(now) + "}");
                c.lastHeartbeatMillis = now;
            }
            if (c.authenticated != authenticated) {
                c.authenticated = authenticated;
                c.sendText(sts(authenticated));
            }
            if (!authenticated) continue;
            if (c.epoch != sim.epochNumber()) {   // a new brokerage session: subscriptions belonged to the old one
                c.epoch = sim.epochNumber();
                c.smd.clear();
                c.sor = false;
                c.spl = false;
            }
            c.smd.values().removeIf(s -> now >= s.expiresAtMillis);
            if (c.sor) pushOrders(c, false);
            if (c.spl) pushPnl(c);
        }
    }

    private void pushQuote(WsConnection c, long conid, Market m, WsConnection.Smd sub) {
        Map<String, String> now = fields.values(m, sub.fields);
        ObjectNode msg = Json.object();
        for (Map.Entry<String, String> e : now.entrySet()) {
            if (e.getValue().equals(sub.lastSent.get(e.getKey()))) continue;
            if (e.getKey().equals("83")) msg.put("83", Double.parseDouble(e.getValue()));   // §5.1: some arrive as numbers
            else msg.put(e.getKey(), e.getValue());
        }
        if (msg.isEmpty()) return;
        sub.lastSent.putAll(now);
        msg.put("server_id", "q0").put("conidEx", String.valueOf(conid)).put("conid", conid)
            .put("_updated", sim.reported(m.cursorAtMillis)).put("6119", "q0").put("topic", "smd+" + conid);
        c.sendText(Json.write(msg));
    }

    private void pushOrders(WsConnection c, boolean openOnly) {
        if (sim.epoch != null && sim.epoch.sorStopped) return;   // a filtered live-orders query stops sor (§6.5)
        long now = sim.nowMillis();
        for (SimOrder o : sim.backend.orders.values()) {
            if (o.visibleAtMillis > now || (openOnly && !o.isOpen())) continue;
            String seen = o.status + "|" + o.filled;
            if (seen.equals(c.sorSeen.put(o.orderId, seen))) continue;
            ObjectNode msg = Json.object().put("topic", "sor");
            msg.putArray("args").add(rows.liveRow(o));
            c.sendText(Json.write(msg));
        }
        if (openOnly) for (SimOrder o : sim.backend.orders.values()) c.sorSeen.putIfAbsent(o.orderId, o.status + "|" + o.filled);
    }

    private void pushPnl(WsConnection c) {
        ObjectNode args = Json.object();
        for (Account a : sim.accounts) {
            PortfolioApi.Valuation v = portfolio.value(a, sim.backend.positions);
            args.putObject(a.id() + ".Core").put("rowType", 1).put("dpl", PortfolioApi.round(v.unrealized() + v.realized()))
                .put("nl", PortfolioApi.round(v.netLiq())).put("upl", PortfolioApi.round(v.unrealized()))
                .put("el", PortfolioApi.round(v.available())).put("mv", PortfolioApi.round(v.netMarket()));
        }
        String body = Json.write(args);
        if (body.equals(c.lastSpl)) return;
        c.lastSpl = body;
        c.sendText("{\"topic\":\"spl\",\"args\":" + body + "}");
    }

    // ---------------------------------------------------------------- faults

    void dropAll() { for (WsConnection c : connections) c.drop(); }

    void expireSubscriptions() { for (WsConnection c : connections) c.smd.clear(); }

    /** A text frame that is not JSON, to every connection. */
    void malformedJson() { for (WsConnection c : connections) c.sendText("{\"topic\":\"smd+"); }

    /** A frame with a reserved opcode (0x3): a protocol error the client must survive by reconnecting. */
    void badFrame() { for (WsConnection c : connections) c.sendRaw(WsFrames.frame(0x3, new byte[] {1, 2, 3})); }

    private static String abbreviate(String s) { return s.length() <= 80 ? s : s.substring(0, 80) + "..."; }
}
