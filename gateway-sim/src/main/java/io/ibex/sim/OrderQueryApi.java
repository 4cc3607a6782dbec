package io.ibex.sim;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HashSet;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/** Live orders (warm-up, force, filters), order status and trades (§4 "Orders", monitoring half). */
final class OrderQueryApi {
    private static final Map<String, String> FILTERS = Map.of("Inactive", "inactive", "PendingSubmit", "pending_submit",
        "PreSubmitted", "pre_submitted", "Submitted", "submitted", "Filled", "filled", "PendingCancel", "pending_cancel",
        "Cancelled", "cancelled");

    private final GatewaySimulator sim;
    private final OrderRows rows;

    OrderQueryApi(GatewaySimulator sim) {
        this.sim = sim;
        this.rows = new OrderRows(sim);
    }

    void register(Router r) {
        r.add("GET", "/iserver/account/orders", Router.Group.ISERVER, this::liveOrders);
        r.add("GET", "/iserver/account/order/status/{orderId}", Router.Group.ISERVER, this::status);
        r.add("GET", "/iserver/account/trades", Router.Group.ISERVER, this::trades);
    }

    private SimResponse liveOrders(Router.Call c) {
        SimResponse first = sim.requireAccountsFirst();
        if (first != null) return first;
        BrokerageEpoch e = sim.epoch;
        if ("true".equalsIgnoreCase(c.request().param("force"))) {
            e.liveOrdersCalls = 0;
            e.sorStopped = false;
            return SimResponse.json("{\"orders\":[],\"snapshot\":false}");
        }
        if (++e.liveOrdersCalls <= sim.options.liveOrdersWarmupCalls) return SimResponse.json("{\"orders\":[],\"snapshot\":false}");
        if (sim.liveOrdersEmptyNext > 0) {
            sim.liveOrdersEmptyNext--;
            return SimResponse.json("{\"orders\":[],\"snapshot\":true}");
        }
        Set<String> filters = new HashSet<>();
        String f = c.request().param("filters");
        if (f != null) for (String x : f.split(",")) if (!x.isBlank()) filters.add(x.trim().toLowerCase(Locale.ROOT));
        filters.remove("sort_by_time");
        if (!filters.isEmpty()) e.sorStopped = true;
        LocalDate today = Instant.ofEpochMilli(sim.nowMillis()).atZone(Market.NEW_YORK).toLocalDate();
        ObjectNode r = Json.object();
        ArrayNode arr = r.putArray("orders");
        for (SimOrder o : sim.backend.orders.values()) {
            if (o.visibleAtMillis > sim.nowMillis()) continue;
            boolean today1 = o.isOpen() || isDay(o.createdAtMillis, today) || isDay(o.lastExecAtMillis, today) || isDay(o.terminalAtMillis, today);
            if (!today1) continue;
            if (!filters.isEmpty() && !filters.contains(FILTERS.getOrDefault(o.status, "warn_state"))) continue;
            arr.add(rows.liveRow(o));
        }
        r.put("snapshot", true);
        return SimResponse.json(Json.write(r));
    }

    private static boolean isDay(long millis, LocalDate day) {
        return millis > 0 && Instant.ofEpochMilli(millis).atZone(Market.NEW_YORK).toLocalDate().equals(day);
    }

    private SimResponse status(Router.Call c) {
        SimOrder o = OrderApi.order(sim, c.var("orderId"));
        if (o == null) return SimResponse.errorObject(400, "OrderID " + c.var("orderId") + " doesn't exist");
        if (o.createdEpoch < sim.epochNumber() && !o.isOpen() && o.terminalAtMillis <= sim.epoch.startedAtMillis)
            return SimResponse.empty(503);
        return SimResponse.json(Json.write(rows.statusRow(o)));
    }

    private SimResponse trades(Router.Call c) {
        int days = 1;
        String d = c.request().param("days");
        if (d != null) {
            try {
                days = Math.max(1, Math.min(7, Integer.parseInt(d.trim())));
            } catch (NumberFormatException e) {
                return SimResponse.error(400, "days must be 1..7, was '" + d + "'");
            }
        }
        LocalDate from = Instant.ofEpochMilli(sim.nowMillis()).atZone(Market.NEW_YORK).toLocalDate().minusDays(days - 1L);
        ArrayNode arr = Json.array();
        for (Execution e : sim.backend.executions)
            if (!Instant.ofEpochMilli(e.atMillis()).atZone(Market.NEW_YORK).toLocalDate().isBefore(from)) arr.add(rows.tradeRow(e));
        return SimResponse.json(Json.write(arr));
    }
}
