package io.ibex.sim;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/** The JSON rows of live orders, order status and trades (ibkr-gateway.md §6.5), with their type drift. */
final class OrderRows {
    static final DateTimeFormatter YYMMDD_HHMMSS = DateTimeFormatter.ofPattern("yyMMddHHmmss").withZone(ZoneOffset.UTC);
    static final DateTimeFormatter TRADE_TIME = DateTimeFormatter.ofPattern("yyyyMMdd-HH:mm:ss").withZone(ZoneOffset.UTC);

    private final GatewaySimulator sim;

    OrderRows(GatewaySimulator sim) { this.sim = sim; }

    static String displayType(String type) {
        return switch (type) { case "MKT" -> "Market"; case "LMT" -> "Limit"; case "STP" -> "Stop"; default -> "StopLimit"; };
    }

    static String origType(String type) {
        return switch (type) { case "MKT" -> "MARKET"; case "LMT" -> "LIMIT"; case "STP" -> "STOP"; default -> "STOP_LIMIT"; };
    }

    static String num(double v) { return v == Math.rint(v) ? String.valueOf((long) v) : String.valueOf(v); }

    static String describe(SimOrder o, String symbol) {
        String verb = o.filled >= o.qty ? (o.isBuy() ? "Bought" : "Sold") : (o.isBuy() ? "Buy" : "Sell");
        String px = o.price == null ? "" : " " + SnapshotFormat.price(o.price, 2);
        return verb + " " + num(o.qty) + (symbol == null ? "" : " " + symbol) + " " + displayType(o.type) + px + ", " + o.tif;
    }

    ObjectNode liveRow(SimOrder o) {
        Market m = sim.marketOf(o.conid);
        ObjectNode r = Json.object();
        r.put("acct", o.acct).put("account", o.acct).put("conid", o.conid).put("conidex", String.valueOf(o.conid))
            .put("orderId", o.orderId).put("cashCcy", "USD")
            .put("sizeAndFills", o.remaining() <= 0 ? num(o.qty) : num(o.filled) + "/" + num(o.remaining()))
            .put("orderDesc", describe(o, null)).put("description1", m.instrument.symbol).put("ticker", m.instrument.symbol)
            .put("secType", "STK").put("listingExchange", m.instrument.listingExchange + ".NMS")
            .put("remainingQuantity", Math.max(0, o.remaining())).put("filledQuantity", o.filled).put("totalSize", o.qty)
            .put("companyName", m.instrument.companyName).put("status", o.status).put("order_ccp_status", o.status)
            .put("origOrderType", origType(o.type)).put("supportsTaxOpt", "1").put("fgColor", "#FFFFFF").put("bgColor", "#000000")
            .put("orderType", displayType(o.type));
        if (o.filled > 0) r.put("avgPrice", SnapshotFormat.price(o.avgPrice, 2));
        if (o.price != null) r.put("price", SnapshotFormat.price(o.price, 2));
        if (o.auxPrice != null) r.put("auxPrice", SnapshotFormat.price(o.auxPrice, 2));
        r.put("order_ref", o.coid == null ? "" : o.coid).put("timeInForce", o.tif).put("side", o.side);
        if (o.parentOrderId != null) r.put("parentId", o.parentOrderId);
        // the order's last change: its last execution, else its creation; a cancel's or expiry's time once it ended
        long last = Math.max(o.lastExecAtMillis > 0 ? o.lastExecAtMillis : o.createdAtMillis, o.terminalAtMillis);
        r.put("lastExecutionTime", YYMMDD_HHMMSS.format(Instant.ofEpochMilli(sim.reported(last))))
            .put("lastExecutionTime_r", sim.reported(last));
        return r;
    }

    ObjectNode statusRow(SimOrder o) {
        Market m = sim.marketOf(o.conid);
        ObjectNode r = Json.object();
        r.putNull("sub_type").put("request_id", "0").put("server_id", "0").put("order_id", o.orderId)
            .put("conidex", String.valueOf(o.conid)).put("conid", o.conid).put("symbol", m.instrument.symbol)
            .put("side", o.isBuy() ? "B" : "S").put("contract_description_1", m.instrument.symbol)
            .put("listing_exchange", m.instrument.listingExchange + ".NMS").put("option_acct", "c")
            .put("company_name", m.instrument.companyName).put("size", num(Math.max(0, o.remaining())))
            .put("total_size", num(o.qty)).put("currency", "USD").put("account", o.acct).put("order_type", origType(o.type))
            .put("cum_fill", num(o.filled)).put("order_status", o.status).put("order_ccp_status", o.status)
            .put("order_status_description", "Order " + o.status).put("tif", o.tif).put("fgColor", "#FFFFFF")
            .put("bgColor", "#000000").put("order_not_editable", !o.isOpen()).put("editable_fields", "")
            .put("cannot_cancel_order", !o.isOpen()).put("deactivate_order", false).put("sec_type", "STK")
            .put("available_chart_periods", "#R|1").put("order_description", describe(o, null))
            .put("order_description_with_contract", describe(o, m.instrument.symbol)).put("alert_active", 1)
            .put("child_order_type", o.parentOrderId == null ? "0" : "A").put("order_clearing_account", o.acct)
            .put("size_and_fills", o.remaining() <= 0 ? num(o.qty) : num(o.filled) + "/" + num(o.remaining()))
            .put("order_time", YYMMDD_HHMMSS.format(Instant.ofEpochMilli(sim.reported(o.createdAtMillis))))
            .put("allowed_duplicate_opposite", true);
        if (o.filled > 0) r.put("average_price", SnapshotFormat.price(o.avgPrice, 2));
        if (o.price != null) r.put("limit_price", SnapshotFormat.price(o.price, 2));
        if (o.auxPrice != null) r.put("stop_price", SnapshotFormat.price(o.auxPrice, 2));
        return r;
    }

    ObjectNode tradeRow(Execution e) {
        Market m = sim.marketOf(e.conid());
        long at = sim.reported(e.atMillis());
        boolean buy = "BUY".equals(e.side());
        ObjectNode r = Json.object();
        r.put("execution_id", e.executionId()).put("symbol", m.instrument.symbol).put("supports_tax_opt", "1")
            .put("side", buy ? "B" : "S")
            .put("order_description", (buy ? "Bot " : "Sold ") + num(e.qty()) + " @ " + SnapshotFormat.price(e.price(), 2) + " on ISLAND")
            .put("trade_time", TRADE_TIME.format(Instant.ofEpochMilli(at))).put("trade_time_r", at).put("size", e.qty())
            .put("price", SnapshotFormat.price(e.price(), 2)).put("order_ref", e.orderRef() == null ? "" : e.orderRef())
            .put("submitter", sim.options.username).put("exchange", "ISLAND")
            .put("commission", SnapshotFormat.price(e.commission(), 2))
            .put("net_amount", PortfolioApi.round(e.qty() * e.price())).put("account", e.acct()).put("accountCode", e.acct())
            .put("company_name", m.instrument.companyName).put("contract_description_1", m.instrument.symbol)
            .put("sec_type", "STK").put("listing_exchange", m.instrument.listingExchange + ".NMS").put("conid", e.conid())
            .put("conidEx", String.valueOf(e.conid())).put("clearing_id", "IB").put("clearing_name", "IB")
            .put("liquidation_trade", "0").put("is_event_trading", "0").put("order_id", e.orderId());
        return r;
    }
}
