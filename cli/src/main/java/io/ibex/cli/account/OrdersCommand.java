package io.ibex.cli.account;

import io.ibex.gateway.GatewayClient;
import io.ibex.gateway.LiveOrder;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

@Command(name = "orders", description = "Live orders of this session (the cOID column is the order_ref).")
public final class OrdersCommand extends GatewayClientCommand {
    @Option(names = "--refresh", description = "Clear the gateway's order cache first (force=true; takes ~5 s).")
    boolean refresh;

    @Override
    int run(GatewaySession session, PrintWriter out, PrintWriter err) {
        GatewayClient c = session.client();
        c.brokerageAccounts();
        List<LiveOrder> orders = refresh ? c.refreshLiveOrders() : c.liveOrders();
        if (options.json) {
            List<Map<String, Object>> rows = new ArrayList<>();
            for (LiveOrder o : orders) {
                Map<String, Object> m = new LinkedHashMap<>();
                m.put("order_id", o.orderId());
                m.put("cOID", o.orderRef());
                m.put("symbol", o.ticker());
                m.put("conid", o.conid());
                m.put("side", o.side().map(Enum::name).orElse(null));
                m.put("quantity", o.totalSize());
                m.put("filled", o.filledQuantity());
                m.put("type", o.orderType());
                m.put("price", o.price());
                m.put("tif", o.timeInForce());
                m.put("status", o.status());
                rows.add(m);
            }
            Output.json(out, rows);
            return 0;
        }
        if (orders.isEmpty()) {
            out.println("sim".equals(options.gateway)
                ? "no live orders (--gateway sim starts a fresh simulator for each command; run 'ibex gateway-sim' for one that keeps its orders)"
                : "no live orders (the gateway's cache can lag; try --refresh)");
            out.flush();
            return 0;
        }
        Table t = new Table("ORDER_ID", "COID", "SYMBOL", "SIDE", "QTY", "FILLED", "TYPE", "PRICE", "TIF", "STATUS");
        for (LiveOrder o : orders)
            t.row(o.orderId(), o.orderRef().isEmpty() ? "-" : o.orderRef(), o.ticker(), o.side().map(Enum::name).orElse("-"),
                Output.num(o.totalSize()), Output.num(o.filledQuantity()), o.orderType(), Output.num(o.price()), o.timeInForce(), o.status());
        t.print(out);
        return 0;
    }
}
