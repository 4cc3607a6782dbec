package io.ibex.cli.account;

import io.ibex.gateway.AccountId;
import io.ibex.gateway.OrderTicket;
import io.ibex.gateway.PlaceOrderReply;

import java.io.PrintWriter;
import java.util.LinkedHashMap;
import java.util.Map;

/** Prints an order ticket before sending and the gateway's final answer after. */
final class OrderPrinter {
    private OrderPrinter() {}

    static String describe(OrderTicket t, String symbol) {
        StringBuilder s = new StringBuilder();
        s.append(t.side()).append(' ').append(Output.num(t.quantity())).append(' ').append(symbol)
            .append(" (conid ").append(t.conid()).append(") ").append(t.type());
        if (t.price() != null) s.append(' ').append(t.type().name().equals("STP") ? "stop " : "").append(Output.num(t.price()));
        if (t.auxPrice() != null) s.append(" stop ").append(Output.num(t.auxPrice()));
        s.append(' ').append(t.tif()).append(", account ").append(AccountId.mask(t.accountId()));
        return s.toString();
    }

    /** Prints the outcome; returns the exit code (0 placed, 1 rejected). */
    static int result(PrintWriter out, boolean json, PlaceOrderReply reply, String coid) {
        if (json) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("cOID", coid);
            switch (reply) {
                case PlaceOrderReply.Placed p -> { m.put("result", "placed"); m.put("order_id", p.orderId()); m.put("status", p.status()); }
                case PlaceOrderReply.Rejected r -> { m.put("result", "rejected"); m.put("reason", r.reason()); }
                case PlaceOrderReply.NeedsConfirmation q -> { m.put("result", "unanswered"); m.put("questions", q.messages()); }
            }
            Output.json(out, m);
        } else {
            switch (reply) {
                case PlaceOrderReply.Placed p -> out.println("order " + p.orderId() + " " + p.status() + " (cOID " + coid + ")");
                case PlaceOrderReply.Rejected r -> out.println("rejected (cOID " + coid + "): " + r.reason());
                case PlaceOrderReply.NeedsConfirmation q -> out.println("not sent: unanswered question " + q.messageIds());
            }
            out.flush();
        }
        return reply instanceof PlaceOrderReply.Placed ? 0 : 1;
    }
}
