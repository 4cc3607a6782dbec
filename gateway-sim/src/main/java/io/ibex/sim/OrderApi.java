package io.ibex.sim;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;

/** Order place/reply/suppress/whatif/modify/cancel, live orders, order status and trades (§4 "Orders"). */
final class OrderApi {
    private final GatewaySimulator sim;
    private final OrderTicket tickets;

    OrderApi(GatewaySimulator sim) {
        this.sim = sim;
        this.tickets = new OrderTicket(sim);
    }

    void register(Router r) {
        r.add("POST", "/iserver/account/{acct}/orders", Router.Group.ISERVER, this::place);
        r.add("POST", "/iserver/account/{acct}/orders/whatif", Router.Group.ISERVER, this::whatIf);
        r.add("POST", "/iserver/reply/{id}", Router.Group.ISERVER, this::reply);
        r.add("POST", "/iserver/questions/suppress", Router.Group.ISERVER, this::suppress);
        r.add("POST", "/iserver/questions/suppress/reset", Router.Group.ISERVER, c -> {
            sim.epoch.suppressed.clear();
            return SimResponse.json("{\"status\":\"submitted\"}");
        });
        r.add("POST", "/iserver/account/{acct}/order/{orderId}", Router.Group.ISERVER, this::modify);
        r.add("DELETE", "/iserver/account/{acct}/order/{orderId}", Router.Group.ISERVER, this::cancel);
        new OrderQueryApi(sim).register(r);
    }

    /** Reply discipline (strict): an order request while a reply is pending invalidates it. */
    private void invalidatePending() {
        if (!sim.options.strict) return;
        for (PendingReply p : sim.replies.values())
            if (p.state == PendingReply.State.PENDING && p.epoch == sim.epochNumber()) p.state = PendingReply.State.INVALIDATED;
    }

    private SimResponse place(Router.Call c) {
        SimResponse first = sim.requireAccountsFirst();
        if (first != null) return first;
        invalidatePending();
        String acct = c.var("acct");
        List<JsonNode> orders = OrderTicket.parse(c.request().bodyText());
        if (orders == null) return SimResponse.errorObject(400, "Request body must be {\"orders\":[...]} or an array of orders");
        GatewaySimulator.AmbiguousPost ambiguous = sim.ambiguousPosts.poll();
        if (ambiguous != null && ambiguous.kind() == GatewaySimulator.Ambiguity.FAIL_THEN_TIMEOUT) return timeout(ambiguous);
        if (!sim.rejectNext.isEmpty()) {
            String reason = sim.rejectNext.poll();
            if (sim.options.rejectAsInactive && tickets.validate(acct, orders) == null)
                return SimResponse.json(Json.write(tickets.create(acct, orders, "Inactive")));
            return SimResponse.errorObject(200, reason);
        }
        String invalid = tickets.validate(acct, orders);
        if (invalid != null) return SimResponse.errorObject(200, invalid);
        String dup = tickets.duplicate(orders);
        if (dup != null) return SimResponse.errorObject(sim.options.duplicateCoidStatus, dup);
        Deque<String> qs = ambiguous != null ? new ArrayDeque<>() : sim.questions.forPlacement(orders, sim.epoch);
        if (!qs.isEmpty()) return ask(new PendingReply(newId(), sim.epochNumber(), acct, orders, null, qs));
        SimResponse ok = SimResponse.json(Json.write(tickets.create(acct, orders, null)));
        if (ambiguous == null) return ok;
        if (ambiguous.kind() == GatewaySimulator.Ambiguity.ACCEPT_THEN_DROP) {
            SimResponse drop = SimResponse.transport(SimResponse.Transport.DROP);
            drop.delayMillis = ambiguous.wallDelayMillis();
            return drop;
        }
        return timeout(ambiguous);
    }

    private static SimResponse timeout(GatewaySimulator.AmbiguousPost a) {
        SimResponse r = SimResponse.empty(503).header("x-response-time", a.wallDelayMillis() + "ms");
        r.delayMillis = a.wallDelayMillis();
        return r;
    }

    private String newId() {
        return new java.util.UUID(sim.random.nextLong(), sim.random.nextLong()).toString();
    }

    private SimResponse ask(PendingReply p) {
        sim.replies.put(p.id, p);
        String q = p.remaining.peek();
        ArrayNode arr = Json.array();
        ObjectNode o = arr.addObject();
        o.put("id", p.id);
        o.putArray("message").add(Questions.text(q));
        o.put("isSuppressed", false);
        o.putArray("messageIds").add(q);
        return SimResponse.json(Json.write(arr));
    }

    private SimResponse reply(Router.Call c) {
        String id = c.var("id");
        PendingReply p = sim.replies.get(id);
        if (p == null || p.state == PendingReply.State.ANSWERED)
            return SimResponse.errorObject(400, "reply id not found: '" + id + "'");
        if (p.state == PendingReply.State.INVALIDATED || p.epoch != sim.epochNumber()) {
            p.state = PendingReply.State.INVALIDATED;
            return SimResponse.empty(503);
        }
        p.state = PendingReply.State.ANSWERED;
        JsonNode body = Json.parseOrNull(c.request().bodyText());
        if (body == null || !body.path("confirmed").asBoolean(false)) return SimResponse.errorObject(200, "Order was not confirmed");
        Deque<String> rest = new ArrayDeque<>(p.remaining);
        rest.poll();
        if (!rest.isEmpty()) return ask(new PendingReply(newId(), p.epoch, p.acct, p.orders, p.modifyTarget, rest));
        if (p.modifyTarget != null) return applyModify(p.modifyTarget, p.orders.get(0));
        String invalid = tickets.validate(p.acct, p.orders);
        if (invalid != null) return SimResponse.errorObject(200, invalid);
        String dup = tickets.duplicate(p.orders);
        if (dup != null) return SimResponse.errorObject(sim.options.duplicateCoidStatus, dup);
        return SimResponse.json(Json.write(tickets.create(p.acct, p.orders, null)));
    }

    private SimResponse suppress(Router.Call c) {
        JsonNode b = Json.parseOrNull(c.request().bodyText());
        JsonNode ids = b == null ? null : b.get("messageIds");
        if (ids == null || !ids.isArray()) return SimResponse.errorObject(400, "messageIds required");
        if (ids.size() > 51) return SimResponse.errorObject(500, "too many messageIds");
        sim.epoch.suppressed.clear();
        for (JsonNode id : ids) sim.epoch.suppressed.add(id.asText());
        return SimResponse.json("{\"status\":\"submitted\"}");
    }

    private SimResponse whatIf(Router.Call c) {
        String acct = c.var("acct");
        List<JsonNode> orders = OrderTicket.parse(c.request().bodyText());
        if (orders == null) return SimResponse.errorObject(400, "Request body must be {\"orders\":[...]} or an array of orders");
        String invalid = tickets.validate(acct, orders);
        if (invalid != null) return SimResponse.errorObject(200, invalid);
        JsonNode o = orders.get(0);
        Market m = sim.marketOf(OrderTicket.conid(o));
        Tick t = m.current();
        boolean buy = OrderTicket.upper(o, "side").equals("BUY");
        double qty = o.path("quantity").asDouble();
        double px = o.hasNonNull("price") ? o.get("price").asDouble() : t == null ? m.mark() : buy ? t.ask() : t.bid();
        double amount = qty * px, commission = sim.backend.commission.of(qty, px);
        PortfolioApi.Valuation v = new PortfolioApi(sim).value(sim.findAccount(acct), sim.backend.positions);
        SimPosition pos = sim.backend.positions.get(acct + "|" + m.instrument.conid);
        double before = pos == null ? 0 : pos.qty, after = before + (buy ? qty : -qty);
        ObjectNode r = Json.object();
        r.set("amount", Json.object().put("amount", money(amount) + " USD (" + OrderRows.num(qty) + " Shares)")
            .put("commission", plain(commission) + " USD").put("total", money(amount + commission) + " USD"));
        r.set("equity", triple(v.netLiq(), -commission));
        r.set("initial", triple(v.margin(), 0.25 * amount));
        r.set("maintenance", triple(v.margin(), 0.25 * amount));
        r.set("position", Json.object().put("current", OrderRows.num(before)).put("change", OrderRows.num(after - before))
            .put("after", OrderRows.num(after)));
        if (sim.epoch.preflighted.contains(m.instrument.conid)) r.putNull("warn");
        else r.put("warn", "21/You are trying to submit an order without having market data for this instrument. "
            + "IB strongly recommends against this kind of blind trading which may result in erroneous or unexpected trades.");
        r.putNull("error");
        return SimResponse.json(Json.write(r));
    }

    private static ObjectNode triple(double current, double change) {
        return Json.object().put("current", money(current)).put("change", money(change)).put("after", money(current + change));
    }

    private static String money(double v) {
        return new java.text.DecimalFormat("#,##0.00", java.text.DecimalFormatSymbols.getInstance(Locale.US)).format(v);
    }

    private static String plain(double v) {
        return java.math.BigDecimal.valueOf(v).setScale(2, java.math.RoundingMode.HALF_EVEN).stripTrailingZeros().toPlainString();
    }

    static SimOrder order(GatewaySimulator sim, String idText) {
        try {
            return sim.backend.orders.get(Long.parseLong(idText));
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private SimOrder order(String idText) {
        try {
            return sim.backend.orders.get(Long.parseLong(idText));
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private SimResponse modify(Router.Call c) {
        SimResponse first = sim.requireAccountsFirst();
        if (first != null) return first;
        invalidatePending();
        JsonNode body = Json.parseOrNull(c.request().bodyText());
        if (body == null || !body.isObject())
            return SimResponse.errorObject(400, "modify takes a single order object, not " + (body != null && body.isArray() ? "an array" : "this body"));
        SimOrder o = order(c.var("orderId"));
        if (o == null || !o.isOpen() || !o.acct.equals(c.var("acct")))
            return SimResponse.errorObject(400, "OrderID " + c.var("orderId") + " doesn't exist");
        if (sim.options.strict) {
            for (Iterator<String> it = o.request.fieldNames(); it.hasNext(); ) {
                String f = it.next();
                if (!body.has(f)) return SimResponse.errorObject(200, "missing field " + f);
            }
        }
        Deque<String> qs = sim.questions.forModify(o, body, sim.epoch);
        if (!qs.isEmpty()) return ask(new PendingReply(newId(), sim.epochNumber(), o.acct, List.of(body), o, qs));
        return applyModify(o, body);
    }

    private SimResponse applyModify(SimOrder o, JsonNode body) {
        if (!o.isOpen()) return SimResponse.errorObject(400, "OrderID " + o.orderId + " doesn't exist");
        if (body.hasNonNull("quantity")) {
            double q = body.get("quantity").asDouble();
            if (q < o.filled || q <= 0) return SimResponse.errorObject(200, "invalid quantity");
            o.qty = q;
        }
        if (body.hasNonNull("price")) o.price = body.get("price").asDouble();
        if (body.hasNonNull("auxPrice")) o.auxPrice = body.get("auxPrice").asDouble();
        if (body.hasNonNull("tif")) o.tif = OrderTicket.upper(body, "tif");
        if (body.has("outsideRTH")) o.outsideRth = body.get("outsideRTH").asBoolean(false);
        ObjectNode merged = o.request.deepCopy();
        merged.setAll((ObjectNode) body);
        o.request = merged;
        sim.matcher.run(sim.marketOf(o.conid));
        ArrayNode arr = Json.array();
        arr.addObject().put("order_id", String.valueOf(o.orderId)).put("order_status", o.status).put("encrypt_message", "1");
        return SimResponse.json(Json.write(arr));
    }

    private SimResponse cancel(Router.Call c) {
        SimResponse first = sim.requireAccountsFirst();
        if (first != null) return first;
        invalidatePending();
        String acct = c.var("acct");
        if ("-1".equals(c.var("orderId"))) {
            for (SimOrder o : List.copyOf(sim.backend.orders.values()))
                if (o.acct.equals(acct) && o.isOpen()) requestCancel(o);
            return SimResponse.json("{\"msg\":\"Request was submitted\",\"order_id\":-1,\"conid\":-1,\"account\":null}");
        }
        SimOrder o = order(c.var("orderId"));
        if (o == null || !o.isOpen() || !o.acct.equals(acct))
            return SimResponse.errorObject(200, "OrderID " + c.var("orderId") + " doesn't exist");
        requestCancel(o);
        ObjectNode r = Json.object();
        r.put("msg", "Request was submitted").put("order_id", o.orderId).put("conid", o.conid).put("account", o.acct);
        return SimResponse.json(Json.write(r));
    }

    void requestCancel(SimOrder o) {
        if ("PendingCancel".equals(o.status)) return;
        o.status = "PendingCancel";
        o.cancelDueMillis = sim.nowMillis() + sim.options.cancelDelay.toMillis();
        sim.schedule(sim.options.cancelDelay, () -> {
            if ("PendingCancel".equals(o.status)) sim.matcher.cancelNow(o, sim.nowMillis());
        });
    }

}
