package io.ibex.sim;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** /iserver/accounts, /iserver/account, and the /portfolio read-only tier (§4 "Accounts and portfolio", §3.5). */
final class PortfolioApi {
    private static final int PAGE_SIZE = 100;
    private final GatewaySimulator sim;

    PortfolioApi(GatewaySimulator sim) { this.sim = sim; }

    void register(Router r) {
        r.add("GET", "/iserver/accounts", Router.Group.ISERVER, c -> iserverAccounts());
        r.add("POST", "/iserver/account", Router.Group.ISERVER, this::selectAccount);
        r.add("GET", "/portfolio/accounts", Router.Group.READ_ONLY, c -> accounts());
        r.add("GET", "/portfolio/subaccounts", Router.Group.READ_ONLY, c -> accounts());
        r.add("GET", "/portfolio/{acct}/summary", Router.Group.READ_ONLY, c -> withAccount(c, this::summary));
        r.add("GET", "/portfolio/{acct}/ledger", Router.Group.READ_ONLY, c -> withAccount(c, this::ledger));
        r.add("GET", "/portfolio/{acct}/positions", Router.Group.READ_ONLY, c -> withAccount(c, a -> positionsPage(a, "0", false)));
        r.add("GET", "/portfolio/{acct}/positions/{page}", Router.Group.READ_ONLY, c -> withAccount(c, a -> positionsPage(a, c.var("page"), false)));
        r.add("POST", "/portfolio/{acct}/positions/invalidate", Router.Group.READ_ONLY, c -> withAccount(c, a -> positionsPage(a, "0", true)));
        r.add("GET", "/portfolio/{acct}/position/{conid}", Router.Group.READ_ONLY, c -> withAccount(c, a -> position(a, c.var("conid"))));
        r.add("GET", "/portfolio2/{acct}/positions", Router.Group.READ_ONLY, c -> withAccount(c, this::portfolio2));
    }

    private SimResponse withAccount(Router.Call c, java.util.function.Function<Account, SimResponse> f) {
        Account a = sim.findAccount(c.var("acct"));
        return a == null ? SimResponse.error(400, "Account " + c.var("acct") + " not found") : f.apply(a);
    }

    private SimResponse iserverAccounts() {
        sim.epoch.accountsQueried = true;
        ObjectNode r = Json.object();
        ArrayNode ids = r.putArray("accounts");
        ObjectNode props = Json.object(), aliases = Json.object();
        for (Account a : sim.accounts) {
            ids.add(a.id());
            props.set(a.id(), Json.object().put("hasChildAccounts", false).put("supportsCashQty", true)
                .put("supportsFractions", false).put("allowCustomerTime", false));
            aliases.put(a.id(), a.id());
        }
        r.set("acctProps", props);
        r.set("aliases", aliases);
        r.set("allowFeatures", Json.object().put("allowCrypto", false));
        ObjectNode periods = Json.object();
        periods.putArray("STK").add("*");
        r.set("chartPeriods", periods);
        r.putArray("groups");
        r.putArray("profiles");
        r.put("selectedAccount", sim.accountId());
        r.set("serverInfo", SessionApi.serverInfo());
        r.put("sessionId", sim.sessionId.substring(0, 7) + "." + sim.epochNumber());
        r.put("isFT", false);
        r.put("isPaper", sim.accounts.get(0).isPaper());
        return SimResponse.json(Json.write(r));
    }

    private SimResponse selectAccount(Router.Call c) {
        JsonNode b = Json.parseOrNull(c.request().bodyText());
        String id = b == null ? "" : b.path("acctId").asText("");
        if (sim.findAccount(id) == null) return SimResponse.errorObject(200, "Account " + id + " not found");
        return SimResponse.json(Json.write(Json.object().put("set", true).put("acctId", id)));
    }

    private SimResponse accounts() {
        ArrayNode arr = Json.array();
        for (Account a : sim.accounts) {
            ObjectNode o = arr.addObject();
            o.put("id", a.id()).put("accountId", a.id()).put("accountVan", a.id()).put("accountTitle", "Simulated " + a.type())
                .put("displayName", a.id()).putNull("accountAlias").put("accountStatus", 1_644_814_800_000L)
                .put("currency", a.baseCurrency()).put("type", a.type()).put("tradingType", "STKNOPT")
                .put("businessType", "IB_PROSERVE").put("ibEntity", "IBLLC-US").put("faclient", false)
                .put("clearingStatus", "O").put("covestor", false).put("noClientTrading", false)
                .put("trackVirtualFXPortfolio", false);
            ObjectNode parent = o.putObject("parent");
            parent.putArray("mmc");
            parent.put("accountId", "").put("isMParent", false).put("isMChild", false).put("isMultiplex", false);
            o.put("desc", a.id()).put("brokerageAccess", true);
        }
        return SimResponse.json(Json.write(arr));
    }

    /** Per-account valuation with the §3.5 formulas; exact cash, double marks. */
    record Valuation(double cash, double gross, double netMarket, double unrealized, double realized) {
        double netLiq() { return cash + netMarket; }
        double margin() { return 0.25 * gross; }
        double available() { return netLiq() - margin(); }
    }

    Valuation value(Account a, Map<String, SimPosition> positions) {
        double cash = sim.backend.cash.getOrDefault(a.id(), BigDecimal.ZERO).doubleValue();
        double gross = 0, net = 0, unreal = 0, real = 0;
        for (SimPosition p : positions.values()) {
            if (!p.acct.equals(a.id())) continue;
            Market m = sim.markets.get(p.conid);
            double px = m == null ? p.avgPrice : m.mark();
            double mv = p.qty * px;
            gross += Math.abs(mv);
            net += mv;
            unreal += (px - p.avgPrice) * p.qty;
            real += p.realizedPnl;
        }
        return new Valuation(cash, gross, net, unreal, real);
    }

    private SimResponse summary(Account a) {
        Valuation v = value(a, sim.backend.positions);
        ObjectNode r = Json.object();
        long ts = sim.reported(sim.nowMillis());
        ObjectNode code = entry(0, ts);
        code.put("value", a.id());
        code.putNull("currency");
        r.set("accountcode", code);
        double[] values = {v.netLiq(), v.cash(), v.cash(), 4 * v.available(), v.available(), v.available(), v.gross(),
            v.netLiq(), v.margin(), v.margin()};
        String[] keys = {"netliquidation", "totalcashvalue", "settledcash", "buyingpower", "availablefunds",
            "excessliquidity", "grosspositionvalue", "equitywithloanvalue", "initmarginreq", "maintmarginreq"};
        for (int i = 0; i < keys.length; i++) {
            r.set(keys[i], entry(values[i], ts));
            r.set(keys[i] + "-s", entry(values[i], ts));
            r.set(keys[i] + "-c", entry(0, ts));
        }
        return SimResponse.json(Json.write(r));
    }

    private static ObjectNode entry(double amount, long ts) {
        ObjectNode e = Json.object();
        e.put("amount", round(amount)).put("currency", "USD").put("isNull", false).put("timestamp", ts).putNull("value")
            .put("severity", 0);
        return e;
    }

    private SimResponse ledger(Account a) {
        Valuation v = value(a, sim.backend.positions);
        ObjectNode r = Json.object();
        long ts = sim.reported(sim.nowMillis()) / 1000;
        for (String ccy : new String[] {"USD", "BASE"}) {
            ObjectNode l = Json.object();
            l.put("commoditymarketvalue", 0.0).put("futuremarketvalue", 0.0).put("settledcash", round(v.cash()))
                .put("exchangerate", 1).put("sessionid", 1).put("cashbalance", round(v.cash()))
                .put("corporatebondsmarketvalue", 0.0).put("warrantsmarketvalue", 0.0)
                .put("netliquidationvalue", round(v.netLiq())).put("interest", 0.0).put("unrealizedpnl", round(v.unrealized()))
                .put("stockmarketvalue", round(v.netMarket())).put("moneyfunds", 0.0).put("currency", ccy)
                .put("realizedpnl", round(v.realized())).put("funds", 0.0).put("acctcode", a.id())
                .put("issueroptionsmarketvalue", 0.0).put("key", "LedgerList").put("timestamp", ts).put("severity", 0)
                .put("stockoptionmarketvalue", 0.0).put("futuresonlypnl", 0.0).put("tbondsmarketvalue", 0.0)
                .put("futureoptionmarketvalue", 0.0).put("cashbalancefxsegment", 0.0).put("secondkey", ccy)
                .put("tbillsmarketvalue", 0.0).put("endofbundle", 1).put("dividends", 0.0).put("cryptocurrencyvalue", 0.0);
            r.set(ccy, l);
        }
        return SimResponse.json(Json.write(r));
    }

    private SimResponse positionsPage(Account a, String pageText, boolean invalidate) {
        int page;
        try {
            page = Integer.parseInt(pageText);
        } catch (NumberFormatException e) {
            return SimResponse.error(400, "page must be a number, was '" + pageText + "'");
        }
        Backend b = sim.backend;
        if (invalidate) b.positionsCache = null;
        Map<String, SimPosition> source = b.positions;
        if (b.positionsCache != null) {
            if (sim.nowMillis() >= b.positionsDirtySinceMillis + sim.options.positionsCacheLag.toMillis()) b.positionsCache = null;
            else source = b.positionsCache;
        }
        List<SimPosition> rows = new ArrayList<>();
        for (SimPosition p : source.values())
            if (p.acct.equals(a.id()) && p.qty != 0 && !sim.positionsOmitted.contains(p.conid)) rows.add(p);
        ArrayNode arr = Json.array();
        for (int i = page * PAGE_SIZE; i < Math.min(rows.size(), (page + 1) * PAGE_SIZE) && page >= 0; i++)
            arr.add(positionRow(rows.get(i), false));
        return SimResponse.json(Json.write(arr));
    }

    private SimResponse position(Account a, String conidText) {
        long conid;
        try {
            conid = Long.parseLong(conidText);
        } catch (NumberFormatException e) {
            return SimResponse.error(400, "conid must be a number, was '" + conidText + "'");
        }
        ArrayNode arr = Json.array();
        SimPosition p = sim.backend.positions.get(a.id() + "|" + conid);
        if (p != null && p.qty != 0) {
            boolean contract = sim.epoch != null && !sim.epoch.positionContractFieldsServed.add(conid);
            arr.add(positionRow(p, contract));
        }
        return SimResponse.json(Json.write(arr));
    }

    ObjectNode positionRow(SimPosition p, boolean contractFields) {
        Market m = sim.markets.get(p.conid);
        double px = m == null ? p.avgPrice : m.mark();
        ObjectNode o = Json.object();
        o.put("acctId", p.acct).put("conid", p.conid).put("contractDesc", m == null ? "" : m.instrument.symbol)
            .put("position", p.qty).put("mktPrice", px).put("mktValue", round(p.qty * px)).put("currency", "USD")
            .put("avgCost", p.avgPrice).put("avgPrice", p.avgPrice).put("realizedPnl", round(p.realizedPnl))
            .put("unrealizedPnl", round((px - p.avgPrice) * p.qty)).putNull("exchs").putNull("expiry").putNull("putOrCall")
            .putNull("multiplier").put("strike", 0.0).putNull("exerciseStyle");
        o.putArray("conExchMap");
        o.put("assetClass", "STK").put("undConid", 0).put("model", "");
        if (contractFields && m != null) {
            o.put("ticker", m.instrument.symbol).put("name", m.instrument.companyName)
                .put("listingExchange", m.instrument.listingExchange).put("isUS", true).put("fullName", m.instrument.symbol)
                .put("sector", m.instrument.sector).put("group", m.instrument.group).put("hasOptions", true)
                .put("type", "COMMON");
            o.putArray("incrementRules").addObject().put("lowerEdge", 0.0).put("increment", m.instrument.tick);
        }
        return o;
    }

    private SimResponse portfolio2(Account a) {
        ArrayNode arr = Json.array();
        long ts = sim.reported(sim.nowMillis()) / 1000;
        for (SimPosition p : sim.backend.positions.values()) {
            if (!p.acct.equals(a.id()) || p.qty == 0) continue;
            Market m = sim.markets.get(p.conid);
            double px = m == null ? p.avgPrice : m.mark();
            arr.addObject().put("position", p.qty).put("conid", String.valueOf(p.conid)).put("avgCost", p.avgPrice)
                .put("avgPrice", p.avgPrice).put("currency", "USD").put("description", m == null ? "" : m.instrument.symbol)
                .put("isLastToLoq", false).put("marketPrice", px).put("marketValue", round(p.qty * px))
                .put("realizedPnl", round(p.realizedPnl)).put("unrealizedPnl", round((px - p.avgPrice) * p.qty))
                .put("secType", "STK").put("timestamp", ts).put("assetClass", "STK")
                .put("sector", m == null ? "" : m.instrument.sector).put("group", m == null ? "" : m.instrument.group).put("model", "");
        }
        return SimResponse.json(Json.write(arr));
    }

    static double round(double v) { return Math.round(v * 100.0) / 100.0; }
}
