package io.ibex.cli.account;

import io.ibex.gateway.AccountId;
import io.ibex.gateway.GatewayClient;
import io.ibex.gateway.SummaryValue;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.io.PrintWriter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

@Command(name = "summary", description = "Account summary: net liquidation, cash, buying power, margin.")
public final class SummaryCommand extends GatewayClientCommand {
    static final List<String> MAIN_KEYS = List.of("netliquidation", "totalcashvalue", "settledcash", "buyingpower",
        "availablefunds", "excessliquidity", "grosspositionvalue", "equitywithloanvalue", "initmarginreq", "maintmarginreq");

    @Option(names = "--all", description = "Show every key the gateway sends (including -c/-s segment variants).")
    boolean all;

    @Override
    int run(GatewaySession session, PrintWriter out, PrintWriter err) {
        GatewayClient c = session.client();
        AccountId account = c.resolveAccount(options.account);
        c.portfolioAccounts(); // IBKR: /portfolio/accounts before other /portfolio calls
        Map<String, SummaryValue> summary = c.summary(account);
        Map<String, SummaryValue> shown = new LinkedHashMap<>();
        if (all) shown.putAll(summary);
        else for (String k : MAIN_KEYS) if (summary.containsKey(k)) shown.put(k, summary.get(k));
        if (options.json) {
            Map<String, Object> m = new LinkedHashMap<>();
            shown.forEach((k, v) -> m.put(k, v.amount() != null ? v.amount() : v.text()));
            Output.json(out, m);
            return 0;
        }
        Table t = new Table("KEY", "AMOUNT", "CURRENCY");
        shown.forEach((k, v) -> t.row(k, v.amount() != null ? Output.money(v.amount()) : (v.text().isEmpty() ? "-" : v.text()), v.currency()));
        t.print(out);
        return 0;
    }
}
