package io.ibex.cli.account;

import io.ibex.framework.domain.OrderType;
import io.ibex.framework.domain.Side;
import io.ibex.framework.domain.TimeInForce;
import io.ibex.framework.error.ConfigException;
import io.ibex.gateway.AccountId;
import io.ibex.gateway.GatewayClient;
import io.ibex.gateway.OrderTicket;
import io.ibex.gateway.PlaceOrderReply;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.io.PrintWriter;
import java.math.BigDecimal;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.Locale;

@Command(name = "order", description = {"Place an order: ibex order buy|sell SYMBOL QTY [--type LMT --price P] ...",
    "Shows the gateway's questions and needs --yes or an answer typed at the terminal. Never resent automatically."})
public final class OrderCommand extends GatewayClientCommand {
    @Parameters(index = "0", paramLabel = "buy|sell", description = "Buy or sell.") String side;
    @Parameters(index = "1", paramLabel = "SYMBOL", description = "Stock symbol, e.g. AAPL (its primary listing; see ibex search).") String symbol;
    @Parameters(index = "2", paramLabel = "QTY", description = "Number of shares, positive.") BigDecimal quantity;

    @Option(names = "--type", paramLabel = "MKT|LMT|STP|STOP_LIMIT", defaultValue = "MKT", description = "MKT, LMT, STP or STOP_LIMIT (default ${DEFAULT-VALUE}).")
    String type;
    @Option(names = "--price", paramLabel = "P", description = "Limit price (LMT, STOP_LIMIT) or stop price (STP).")
    BigDecimal price;
    @Option(names = "--aux", paramLabel = "P", description = "Stop trigger of a STOP_LIMIT order.")
    BigDecimal aux;
    @Option(names = "--tif", paramLabel = "DAY|GTC", defaultValue = "DAY", description = "DAY or GTC (default ${DEFAULT-VALUE}).")
    String tif;
    @Option(names = "--outside-rth", description = "Allow filling outside regular trading hours.")
    boolean outsideRth;
    @Option(names = "--yes", description = "Send without asking and confirm the gateway's questions.")
    boolean yes;

    /** Where interactive answers come from; tests replace it. */
    static ConfirmationPrompt prompt = ConfirmationPrompt.CONSOLE;

    @Override
    int run(GatewaySession session, PrintWriter out, PrintWriter err) {
        Side s = parseSide(side);
        OrderType t = parseType(type);
        TimeInForce timeInForce = parseTif(tif);
        if (quantity.signum() <= 0) throw new ConfigException("QTY must be positive, was " + quantity.toPlainString());
        if (t == OrderType.MKT && price != null) throw new ConfigException("--price is not used by a MKT order; add --type LMT");
        if (t != OrderType.STOP_LIMIT && aux != null) throw new ConfigException("--aux is only for --type STOP_LIMIT");
        GatewayClient c = session.client();
        AccountId account = c.resolveAccount(options.account);
        long conid = c.resolveConid(symbol);
        String coid = newClientOrderId();
        OrderTicket ticket;
        try {
            ticket = new OrderTicket(account.value(), conid, s, quantity, t, price, aux, timeInForce, coid, outsideRth);
        } catch (IllegalArgumentException e) {
            throw new ConfigException(e.getMessage());
        }
        String what = OrderPrinter.describe(ticket, symbol.toUpperCase(Locale.ROOT));
        if (!yes) {
            if (prompt.reader() == null)
                throw new ConfigException("not sent: " + what + " needs confirmation; rerun with --yes (stdin is not a terminal)");
            if (!ConfirmationPrompt.ask(prompt, out, "send " + what + "?")) {
                out.println("not sent");
                out.flush();
                return 1;
            }
        }
        out.println("sending " + what + " (cOID " + coid + ")");
        out.flush();
        PlaceOrderReply reply = c.placeOrder(ticket, ConfirmationPrompt.policy(yes, prompt, out));
        return OrderPrinter.result(out, options.json, reply, coid);
    }

    static String newClientOrderId() {
        byte[] b = new byte[3];
        new SecureRandom().nextBytes(b);
        return "ibex-cli-" + Long.toString(clock.now().toEpochMilli(), 36) + "-" + HexFormat.of().formatHex(b);
    }

    static Side parseSide(String s) {
        return switch (s.trim().toLowerCase(Locale.ROOT)) {
            case "buy" -> Side.BUY;
            case "sell" -> Side.SELL;
            default -> throw new ConfigException("side '" + s + "' must be buy or sell");
        };
    }

    static OrderType parseType(String s) {
        try {
            return OrderType.valueOf(s.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new ConfigException("--type '" + s + "' must be one of MKT, LMT, STP, STOP_LIMIT");
        }
    }

    static TimeInForce parseTif(String s) {
        try {
            return TimeInForce.valueOf(s.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new ConfigException("--tif '" + s + "' must be DAY or GTC");
        }
    }
}
