package io.ibex.cli.account;

import io.ibex.gateway.AccountId;
import io.ibex.gateway.GatewayClient;
import io.ibex.gateway.PortfolioPosition;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

@Command(name = "positions", description = "Open positions of the account.")
public final class PositionsCommand extends GatewayClientCommand {
    @Option(names = "--realtime", description = "Use the near-real-time /portfolio2 view (the default pages are cached and can lag fills).")
    boolean realtime;

    @Override
    int run(GatewaySession session, PrintWriter out, PrintWriter err) {
        GatewayClient c = session.client();
        AccountId account = c.resolveAccount(options.account);
        c.portfolioAccounts();
        List<PortfolioPosition> positions = realtime ? c.positionsRealtime(account) : c.positions(account);
        if (options.json) {
            List<Map<String, Object>> rows = new ArrayList<>();
            for (PortfolioPosition p : positions) {
                Map<String, Object> m = new LinkedHashMap<>();
                m.put("conid", p.conid());
                m.put("symbol", p.description());
                m.put("position", p.position());
                m.put("avg_price", p.avgPrice());
                m.put("market_price", p.marketPrice());
                m.put("market_value", p.marketValue());
                m.put("unrealized_pnl", p.unrealizedPnl());
                m.put("currency", p.currency());
                rows.add(m);
            }
            Output.json(out, rows);
            return 0;
        }
        Table t = new Table("SYMBOL", "CONID", "POSITION", "AVG_PRICE", "MKT_PRICE", "MKT_VALUE", "UNRLZD_PNL", "CCY");
        for (PortfolioPosition p : positions)
            t.row(p.description(), p.conid(), Output.num(p.position()), Output.price(p.avgPrice()), Output.price(p.marketPrice()),
                Output.money(p.marketValue()), Output.money(p.unrealizedPnl()), p.currency());
        if (t.isEmpty()) out.println("no open positions");
        else t.print(out);
        out.flush();
        return 0;
    }
}
