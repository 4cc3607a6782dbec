package io.ibex.cli.account;

import io.ibex.framework.domain.OrderType;
import io.ibex.framework.error.ConfigException;
import io.ibex.gateway.AccountId;
import io.ibex.gateway.GatewayClient;
import io.ibex.gateway.LiveOrder;
import io.ibex.gateway.OrderTicket;
import io.ibex.gateway.PlaceOrderReply;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.io.PrintWriter;
import java.math.BigDecimal;
import java.util.Locale;

@Command(name = "modify", description = "Change a working order's price, quantity, stop or TIF. The full original ticket is resent with your changes.")
public final class ModifyCommand extends GatewayClientCommand {
    @Parameters(index = "0", paramLabel = "ORDER_ID", description = "The gateway's order id (see: ibex orders).") String orderId;
    @Option(names = "--price", paramLabel = "P", description = "New limit price (LMT, STOP_LIMIT) or stop price (STP).") BigDecimal price;
    @Option(names = "--qty", paramLabel = "Q", description = "New total quantity, positive.") BigDecimal quantity;
    @Option(names = "--aux", paramLabel = "P", description = "New stop trigger of a STOP_LIMIT order.") BigDecimal aux;
    @Option(names = "--tif", paramLabel = "DAY|GTC", description = "New time in force: DAY or GTC.") String tif;
    @Option(names = "--yes", description = "Send without asking and confirm the gateway's questions.") boolean yes;

    @Override
    int run(GatewaySession session, PrintWriter out, PrintWriter err) {
        if (price == null && quantity == null && aux == null && tif == null)
            throw new ConfigException("nothing to change: give --price, --qty, --aux or --tif");
        GatewayClient c = session.client();
        AccountId account = c.resolveAccount(options.account);
        LiveOrder original = c.liveOrders().stream().filter(o -> o.orderId().equals(orderId.trim())).findFirst()
            .orElseThrow(() -> new ConfigException("order " + orderId + " is not among the live orders; check ibex orders --refresh"));
        if (!original.isWorking()) throw new ConfigException("order " + orderId + " is " + original.status() + "; only working orders can be modified");
        OrderTicket ticket = ticketOf(account, original);
        if (price != null) ticket = ticket.withPrice(price);
        if (quantity != null) ticket = ticket.withQuantity(quantity);
        if (aux != null) ticket = ticket.withAuxPrice(aux);
        if (tif != null) ticket = ticket.withTif(OrderCommand.parseTif(tif));
        String what = OrderPrinter.describe(ticket, original.ticker());
        if (!yes) {
            if (OrderCommand.prompt.reader() == null)
                throw new ConfigException("not sent: modify order " + orderId + " to " + what + " needs confirmation; rerun with --yes");
            if (!ConfirmationPrompt.ask(OrderCommand.prompt, out, "modify order " + orderId + " to " + what + "?")) {
                out.println("not sent");
                out.flush();
                return 1;
            }
        }
        out.println("modifying order " + orderId + " to " + what);
        out.flush();
        PlaceOrderReply reply = c.modifyOrder(orderId.trim(), ticket, ConfirmationPrompt.policy(yes, OrderCommand.prompt, out));
        return OrderPrinter.result(out, options.json, reply, ticket.clientOrderId());
    }

    /** Rebuilds the whole original ticket from the live-order row (modify must repeat every field). */
    static OrderTicket ticketOf(AccountId account, LiveOrder o) {
        if (o.side().isEmpty()) throw new ConfigException("order " + o.orderId() + " has no readable side; modify it in TWS");
        if (o.totalSize() == null) throw new ConfigException("order " + o.orderId() + " has no readable size; modify it in TWS");
        OrderType type = typeOf(o.orderType());
        BigDecimal tifPrice = type == OrderType.MKT ? null : o.price();
        String coid = o.orderRef().isEmpty() ? "modify-" + o.orderId() : o.orderRef();
        try {
            return new OrderTicket(account.value(), o.conid(), o.side().get(), o.totalSize(), type, tifPrice, o.auxPrice(),
                OrderCommand.parseTif(o.timeInForce().isEmpty() ? "DAY" : o.timeInForce()), coid, false);
        } catch (IllegalArgumentException e) {
            throw new ConfigException("order " + o.orderId() + ": " + e.getMessage());
        }
    }

    static OrderType typeOf(String gatewayType) {
        return switch (gatewayType.trim().toUpperCase(Locale.ROOT).replace(' ', '_')) {
            case "MARKET", "MKT" -> OrderType.MKT;
            case "LIMIT", "LMT" -> OrderType.LMT;
            case "STOP", "STP" -> OrderType.STP;
            case "STOP_LIMIT", "STOPLIMIT", "STP_LMT" -> OrderType.STOP_LIMIT;
            default -> throw new ConfigException("order type '" + gatewayType + "' cannot be modified from ibex; use TWS");
        };
    }
}
