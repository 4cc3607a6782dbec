package io.ibex.cli.account;

import io.ibex.gateway.AccountId;
import io.ibex.gateway.GatewayClient;
import io.ibex.gateway.LedgerEntry;
import picocli.CommandLine.Command;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

@Command(name = "ledger", description = "Cash and P&L per currency (BASE first).")
public final class LedgerCommand extends GatewayClientCommand {
    @Override
    int run(GatewaySession session, PrintWriter out, PrintWriter err) {
        GatewayClient c = session.client();
        AccountId account = c.resolveAccount(options.account);
        c.portfolioAccounts();
        List<LedgerEntry> ledger = c.ledger(account);
        if (options.json) {
            List<Map<String, Object>> rows = new ArrayList<>();
            for (LedgerEntry e : ledger) {
                Map<String, Object> m = new LinkedHashMap<>();
                m.put("currency", e.key());
                m.put("cash", e.cashBalance());
                m.put("settled_cash", e.settledCash());
                m.put("net_liquidation", e.netLiquidation());
                m.put("stock_value", e.stockMarketValue());
                m.put("unrealized_pnl", e.unrealizedPnl());
                m.put("realized_pnl", e.realizedPnl());
                m.put("exchange_rate", e.exchangeRate());
                rows.add(m);
            }
            Output.json(out, rows);
            return 0;
        }
        Table t = new Table("CCY", "CASH", "SETTLED", "NET_LIQ", "STOCKS", "UNRLZD_PNL", "RLZD_PNL", "FX_RATE");
        for (LedgerEntry e : ledger)
            t.row(e.key(), Output.money(e.cashBalance()), Output.money(e.settledCash()), Output.money(e.netLiquidation()),
                Output.money(e.stockMarketValue()), Output.money(e.unrealizedPnl()), Output.money(e.realizedPnl()), Output.num(e.exchangeRate()));
        t.print(out);
        return 0;
    }
}
