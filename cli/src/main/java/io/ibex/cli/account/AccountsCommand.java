package io.ibex.cli.account;

import io.ibex.gateway.BrokerageAccounts;
import io.ibex.gateway.GatewayClient;
import io.ibex.gateway.PortfolioAccount;
import picocli.CommandLine.Command;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

@Command(name = "accounts", description = "List the accounts this gateway login serves.")
public final class AccountsCommand extends GatewayClientCommand {
    @Override
    int run(GatewaySession session, PrintWriter out, PrintWriter err) {
        GatewayClient c = session.client();
        BrokerageAccounts brokerage = c.brokerageAccounts();
        List<PortfolioAccount> accounts = c.portfolioAccounts();
        if (options.json) {
            List<Map<String, Object>> rows = new ArrayList<>();
            for (PortfolioAccount a : accounts) {
                Map<String, Object> m = new LinkedHashMap<>();
                m.put("id", a.id());
                m.put("title", a.title());
                m.put("currency", a.currency());
                m.put("type", a.type());
                m.put("selected", a.id().equals(brokerage.selected()));
                rows.add(m);
            }
            Output.json(out, rows);
            return 0;
        }
        Table t = new Table("ACCOUNT", "SELECTED", "TYPE", "CURRENCY", "TITLE");
        for (PortfolioAccount a : accounts)
            t.row(a.id(), a.id().equals(brokerage.selected()) ? "*" : "", a.type(), a.currency(), a.title());
        t.print(out);
        return 0;
    }
}
