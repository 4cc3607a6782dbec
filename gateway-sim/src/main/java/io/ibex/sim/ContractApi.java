package io.ibex.sim;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Locale;

/** secdef search/info, contract info and trsrv/stocks (§4 "Contracts"). */
final class ContractApi {
    private final GatewaySimulator sim;

    ContractApi(GatewaySimulator sim) { this.sim = sim; }

    void register(Router r) {
        r.add("GET", "/iserver/secdef/search", Router.Group.ISERVER,
            c -> search(c.request().param("symbol"), "true".equalsIgnoreCase(c.request().param("name"))));
        r.add("POST", "/iserver/secdef/search", Router.Group.ISERVER, c -> {
            JsonNode b = Json.parseOrNull(c.request().bodyText());
            return search(b == null ? null : b.path("symbol").asText(null), b != null && b.path("name").asBoolean(false));
        });
        r.add("GET", "/iserver/secdef/info", Router.Group.ISERVER, c -> info(c.request().param("conid")));
        r.add("GET", "/iserver/contract/{conid}/info", Router.Group.ISERVER, c -> contractInfo(c.var("conid")));
        r.add("GET", "/trsrv/stocks", Router.Group.READ_ONLY, c -> stocks(c.request().param("symbols")));
    }

    private SimResponse search(String symbol, boolean byName) {
        if (symbol == null || symbol.isBlank()) return SimResponse.error(400, "symbol required");
        String q = symbol.trim().toUpperCase(Locale.ROOT);
        ArrayNode arr = Json.array();
        for (Market m : sim.markets.values()) {
            SimInstrument i = m.instrument;
            boolean hit = byName ? i.companyName.toUpperCase(Locale.ROOT).contains(q) : i.symbol.equals(q);
            if (!hit || arr.size() >= 10) continue;
            arr.add(row(String.valueOf(i.conid), i.companyName, i.symbol, i.listingExchange));
            if (sim.options.searchDecoys) arr.add(row(String.valueOf(i.conid + 900_000_000L), i.companyName, i.symbol, "MEXI"));
        }
        return SimResponse.json(Json.write(arr));
    }

    private static ObjectNode row(String conid, String company, String symbol, String exchange) {
        ObjectNode o = Json.object();
        o.put("conid", conid).put("companyHeader", company + " - " + exchange).put("companyName", company)
            .put("symbol", symbol).put("description", exchange).putNull("restricted");
        o.putArray("sections").addObject().put("secType", "STK");
        return o;
    }

    private Market find(String conidText) {
        try {
            return sim.markets.get(Long.parseLong(conidText == null ? "" : conidText.trim()));
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private SimResponse info(String conid) {
        Market m = find(conid);
        ArrayNode arr = Json.array();
        if (m != null) {
            SimInstrument i = m.instrument;
            arr.addObject().put("conid", i.conid).put("symbol", i.symbol).put("secType", "STK").put("exchange", "SMART")
                .put("listingExchange", i.listingExchange).putNull("right").put("strike", 0.0).put("currency", "USD")
                .putNull("cusip").put("coupon", "No Coupon").put("desc1", i.symbol).put("desc2", "").putNull("maturityDate")
                .put("multiplier", "1").put("tradingClass", "NMS").put("validExchanges", "SMART," + i.listingExchange);
        }
        return SimResponse.json(Json.write(arr));
    }

    private SimResponse contractInfo(String conid) {
        Market m = find(conid);
        if (m == null) return SimResponse.errorObject(500, "Contract not found");
        SimInstrument i = m.instrument;
        ObjectNode o = Json.object();
        o.put("cfi_code", "").put("symbol", i.symbol).putNull("cusip").putNull("expiry_full").put("con_id", i.conid)
            .putNull("maturity_date").put("industry", i.group).put("instrument_type", "STK").put("trading_class", "NMS")
            .put("valid_exchanges", "SMART," + i.listingExchange).put("allow_sell_long", false).put("is_zero_commission_security", false)
            .put("local_symbol", i.symbol).putNull("contract_clarification_type").put("classifier", "")
            .put("currency", "USD").put("text", "").putNull("underlying_con_id").put("r_t_h", true).putNull("multiplier")
            .putNull("underlying_issuer").putNull("contract_month").put("company_name", i.companyName).put("smart_available", true)
            .put("exchange", "SMART").put("category", i.sector);
        return SimResponse.json(Json.write(o));
    }

    private SimResponse stocks(String symbols) {
        ObjectNode r = Json.object();
        if (symbols == null) return SimResponse.error(400, "symbols required");
        for (String s : symbols.split(",")) {
            String sym = s.trim();
            if (sym.isEmpty()) continue;
            ArrayNode list = r.putArray(sym);
            for (Market m : sim.markets.values()) {
                if (!m.instrument.symbol.equals(sym)) continue;
                ObjectNode e = list.addObject();
                e.put("name", m.instrument.companyName).putNull("chineseName").put("assetClass", "STK");
                e.putArray("contracts").addObject().put("conid", m.instrument.conid).put("exchange", m.instrument.listingExchange)
                    .put("isUS", true);
            }
        }
        return SimResponse.json(Json.write(r));
    }
}
