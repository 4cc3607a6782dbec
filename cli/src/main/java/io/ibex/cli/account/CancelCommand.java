package io.ibex.cli.account;

import io.ibex.gateway.AccountId;
import io.ibex.gateway.CancelReply;
import io.ibex.gateway.GatewayClient;
import io.ibex.framework.error.ConfigException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

import java.io.PrintWriter;
import java.util.LinkedHashMap;
import java.util.Map;

@Command(name = "cancel", description = "Ask IBKR to cancel an order (its ORDER_ID from 'ibex orders'). The cancel is confirmed only when 'ibex orders' shows Cancelled.")
public final class CancelCommand extends GatewayClientCommand {
    @Parameters(index = "0", paramLabel = "ORDER_ID", description = "The gateway's order id (see: ibex orders).") String orderId;

    @Override
    int run(GatewaySession session, PrintWriter out, PrintWriter err) {
        if (!orderId.trim().matches("\\d{1,19}"))
            throw new ConfigException("ORDER_ID '" + orderId + "' must be IBKR's numeric order id (see ibex orders)");
        GatewayClient c = session.client();
        AccountId account = c.resolveAccount(options.account);
        CancelReply reply = c.cancel(account, orderId.trim());
        if (options.json) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("order_id", orderId.trim());
            m.put("acknowledged", reply.acknowledged());
            m.put("message", reply.message());
            Output.json(out, m);
        } else if (reply.acknowledged()) {
            out.println("cancel requested for order " + orderId.trim() + ": " + reply.message() + " (check ibex orders for Cancelled)");
        } else {
            throw new ConfigException("IBKR refused to cancel order " + orderId.trim() + ": " + reply.message()
                + " (ibex orders --refresh lists the live orders)");
        }
        out.flush();
        return reply.acknowledged() ? 0 : BAD_INPUT;
    }
}
