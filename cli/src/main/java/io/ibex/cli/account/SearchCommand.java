package io.ibex.cli.account;

import io.ibex.gateway.ContractCandidate;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

@Command(name = "search", description = "Find contracts (conids) for a symbol; '*' marks the listing ibex trades for it.")
public final class SearchCommand extends GatewayClientCommand {
    @Parameters(index = "0", paramLabel = "SYMBOL", description = "Symbol or company name to look up, e.g. AAPL.") String symbol;

    @Override
    int run(GatewaySession session, PrintWriter out, PrintWriter err) {
        List<ContractCandidate> found = session.client().search(symbol);
        long picked = ContractCandidate.pickUsStock(found, symbol.trim()).map(ContractCandidate::conid).orElse(-1L);
        if (options.json) {
            List<Map<String, Object>> rows = new ArrayList<>();
            for (ContractCandidate c : found) {
                Map<String, Object> m = new LinkedHashMap<>();
                m.put("conid", c.conid());
                m.put("symbol", c.symbol());
                m.put("name", c.companyName());
                m.put("exchange", c.description());
                m.put("sec_types", c.secTypes());
                m.put("default", c.conid() == picked);
                rows.add(m);
            }
            Output.json(out, rows);
            return 0;
        }
        if (found.isEmpty()) {
            out.println("no contract found for '" + symbol + "'");
            out.flush();
            return 1;
        }
        Table t = new Table("", "CONID", "SYMBOL", "EXCHANGE", "TYPES", "NAME");
        for (ContractCandidate c : found)
            t.row(c.conid() == picked ? "*" : "", c.conid(), c.symbol(), c.description(), String.join(",", c.secTypes()), c.companyName());
        t.print(out);
        return 0;
    }
}
