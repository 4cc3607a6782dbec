package io.ibex.sim;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/** Validation and creation of one order ticket (a single order, a bracket or an OCA group), §3.4. */
final class OrderTicket {
    private static final Set<String> TYPES = Set.of("MKT", "LMT", "STP", "STOP_LIMIT");

    private final GatewaySimulator sim;

    OrderTicket(GatewaySimulator sim) { this.sim = sim; }

    /** Accepts {@code {"orders":[...]}} and a bare array; null when the body is neither. */
    static List<JsonNode> parse(String body) {
        JsonNode n = Json.parseOrNull(body);
        if (n == null) return null;
        JsonNode arr = n.isArray() ? n : n.path("orders");
        if (!arr.isArray() || arr.isEmpty()) return null;
        List<JsonNode> out = new ArrayList<>();
        for (JsonNode o : arr) {
            if (!o.isObject()) return null;
            out.add(o);
        }
        return out;
    }

    static long conid(JsonNode o) {
        JsonNode c = o.get("conid");
        if (c != null && (c.isNumber() || c.isTextual())) {
            try { return Long.parseLong(c.asText().trim()); } catch (NumberFormatException e) { return -1; }
        }
        String ex = o.path("conidex").asText("");
        int at = ex.indexOf('@');
        try { return Long.parseLong(at < 0 ? ex : ex.substring(0, at)); } catch (NumberFormatException e) { return -1; }
    }

    static String upper(JsonNode o, String field) { return o.path(field).asText("").trim().toUpperCase(Locale.ROOT); }

    /** @return the first validation error, or null when every order is valid */
    String validate(String pathAcct, List<JsonNode> orders) {
        if (sim.findAccount(pathAcct) == null) return "Account " + pathAcct + " not found";
        for (JsonNode o : orders) {
            String acct = o.path("acctId").asText(pathAcct);
            if (!acct.equals(pathAcct)) return "Account " + acct + " in the order does not match the account " + pathAcct + " in the path";
            long conid = conid(o);
            if (!sim.markets.containsKey(conid)) return "Contract " + (conid < 0 ? o.path("conid").asText() : conid) + " not found";
            String type = upper(o, "orderType");
            if (!TYPES.contains(type)) return "invalid order type";
            String side = upper(o, "side");
            if (!side.equals("BUY") && !side.equals("SELL")) return "invalid side";
            if (!(o.path("quantity").asDouble(0) > 0)) return "invalid quantity";
            boolean needsPrice = !type.equals("MKT");
            if (needsPrice && !(o.path("price").asDouble(0) > 0)) return "invalid order price fields";
            if (type.equals("STOP_LIMIT") && !(o.path("auxPrice").asDouble(0) > 0)) return "invalid order price fields";
        }
        return null;
    }

    /** The duplicate-cOID error text when any order's cOID is already registered, else null. */
    String duplicate(List<JsonNode> orders) {
        for (JsonNode o : orders) {
            String coid = o.hasNonNull("cOID") ? o.get("cOID").asText() : null;
            if (sim.backend.coidTaken(coid, sim.nowMillis()))
                return "Order couldn't be submitted: Local order ID=" + coid + " is already registered.";
        }
        return null;
    }

    /** Creates the orders, registers their cOIDs, runs matching; returns the accepted-shape array. */
    ArrayNode create(String acct, List<JsonNode> orders, String forcedStatus) {
        long now = sim.nowMillis();
        Map<String, SimOrder> byCoid = new HashMap<>();
        List<SimOrder> created = new ArrayList<>();
        String oca = null;
        for (JsonNode o : orders) if (o.path("isSingleGroup").asBoolean(false)) oca = "oca-" + now + "-" + sim.backend.orders.size();
        ArrayNode out = Json.array();
        for (JsonNode j : orders) {
            String coid = j.hasNonNull("cOID") ? j.get("cOID").asText() : null;
            SimOrder o = new SimOrder(sim.backend.nextOrderId(), coid, acct, conid(j), upper(j, "side"), upper(j, "orderType"),
                j.path("quantity").asDouble(), now, sim.epochNumber());
            o.price = j.hasNonNull("price") ? j.get("price").asDouble() : null;
            o.auxPrice = j.hasNonNull("auxPrice") ? j.get("auxPrice").asDouble() : null;
            o.tif = j.hasNonNull("tif") ? upper(j, "tif") : "DAY";
            o.outsideRth = j.path("outsideRTH").asBoolean(false);
            o.request = (ObjectNode) j.deepCopy();
            o.ocaGroup = oca;
            if (j.hasNonNull("parentId")) {
                o.parentCoid = j.get("parentId").asText();
                SimOrder parent = byCoid.get(o.parentCoid);
                if (parent == null) {
                    Backend.CoidEntry e = sim.backend.coids.get(o.parentCoid);
                    parent = e == null ? null : sim.backend.orders.get(e.orderId());
                }
                if (parent != null) {
                    o.parentOrderId = parent.orderId;
                    if (oca == null) o.ocaGroup = "bracket-" + parent.orderId;
                    o.waitingForParent = !"Filled".equals(parent.status);
                }
            }
            boolean closed = sim.marketOf(o.conid).closed(now);
            if (forcedStatus != null) o.status = forcedStatus;
            else if (o.waitingForParent || o.type.equals("STP") || o.type.equals("STOP_LIMIT") || (closed && !o.outsideRth))
                o.status = "PreSubmitted";
            else o.status = "Submitted";
            if (!o.isOpen()) o.terminalAtMillis = now;
            sim.backend.orders.put(o.orderId, o);
            if (coid != null) {
                sim.backend.coids.put(coid, new Backend.CoidEntry(o.orderId, now));
                byCoid.put(coid, o);
            }
            created.add(o);
            out.addObject().put("order_id", String.valueOf(o.orderId)).put("order_status", o.status).put("encrypt_message", "1");
        }
        for (SimOrder o : created) if (o.isOpen()) sim.matcher.run(sim.marketOf(o.conid));
        for (SimOrder o : created)
            if ("IOC".equals(o.tif) && o.isOpen()) sim.matcher.cancelNow(o, now);
        return out;
    }
}
