package io.ibex.sim;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Snapshot (with pre-flight), history (5-concurrent limit) and unsubscribe (§4 "Market data"). */
final class MarketDataApi {
    private static final Pattern PERIOD = Pattern.compile("(\\d+)(min|h|d|w|m|y)");
    private static final Map<String, Long> BAR_SECONDS = Map.ofEntries(
        Map.entry("1min", 60L), Map.entry("2min", 120L), Map.entry("3min", 180L), Map.entry("5min", 300L),
        Map.entry("10min", 600L), Map.entry("15min", 900L), Map.entry("30min", 1800L), Map.entry("1h", 3600L),
        Map.entry("2h", 7200L), Map.entry("3h", 10800L), Map.entry("4h", 14400L), Map.entry("8h", 28800L),
        Map.entry("1d", 86400L), Map.entry("1w", 604800L), Map.entry("1m", 2592000L));
    private static final DateTimeFormatter START = DateTimeFormatter.ofPattern("yyyyMMdd-HH:mm:ss").withZone(ZoneOffset.UTC);

    private final GatewaySimulator sim;

    MarketDataApi(GatewaySimulator sim) { this.sim = sim; }

    void register(Router r) {
        r.add("GET", "/iserver/marketdata/snapshot", Router.Group.ISERVER, this::snapshot);
        r.add("GET", "/iserver/marketdata/history", Router.Group.ISERVER, this::history);
        r.add("POST", "/iserver/marketdata/unsubscribe", Router.Group.ISERVER, this::unsubscribe);
        r.add("GET", "/iserver/marketdata/unsubscribeall", Router.Group.ISERVER, c -> {
            sim.epoch.subscriptions.clear();
            sim.epoch.preflighted.clear();
            return SimResponse.json("{\"unsubscribed\":true}");
        });
    }

    private SimResponse snapshot(Router.Call c) {
        SimResponse first = sim.requireAccountsFirst();
        if (first != null) return first;
        String conidsText = c.request().param("conids");
        if (conidsText == null || conidsText.isBlank()) return SimResponse.error(400, "conids required");
        String[] conids = conidsText.split(",");
        String fieldsText = c.request().param("fields");
        List<String> fields = new ArrayList<>();
        if (fieldsText != null) for (String f : fieldsText.split(",")) if (!f.isBlank()) fields.add(f.trim());
        if (conids.length > 100 || fields.size() > 50) return SimResponse.errorObject(400, "too many conids or fields");
        ArrayNode out = Json.array();
        int k = 1;
        for (String text : conids) {
            long conid;
            try {
                conid = Long.parseLong(text.trim());
            } catch (NumberFormatException e) {
                return SimResponse.error(400, "conid must be a number, was '" + text + "'");
            }
            ObjectNode row = out.addObject();
            row.put("conid", conid).put("conidEx", String.valueOf(conid));
            Market m = sim.markets.get(conid);
            BrokerageEpoch.Subscription sub = sim.epoch.subscriptions.get(conid);
            if (sub == null) {
                sub = new BrokerageEpoch.Subscription();
                sim.epoch.subscriptions.put(conid, sub);
                sim.epoch.preflighted.add(conid);
                sub.fields.addAll(fields);
                sub.calls = 1;
                continue;
            }
            sub.calls++;
            if (sub.calls <= sim.options.snapshotWarmupCalls || m == null) {
                sub.fields.addAll(fields);
                continue;
            }
            fill(row, m, sub.fields, k++);
            sub.fields.addAll(fields);
        }
        return SimResponse.json(Json.write(out));
    }

    private void fill(ObjectNode row, Market m, Set<String> fields, int k) {
        Tick t = m.current();
        if (t != null) row.put("_updated", sim.reported(m.cursorAtMillis));
        row.put("6119", "q" + k).put("server_id", "q" + k);
        row.put("6509", m.frozen ? "ZpB" : m.instrument.mdAvailability);
        values(m, fields).forEach(row::put);
    }

    /**
     * The formatted value of each field that has one, in {@code fields} order: the strings snapshots and the
     * WebSocket's {@code smd} pushes share (prices at the instrument's decimals, grouped sizes, C/H prefixes on 31).
     */
    java.util.LinkedHashMap<String, String> values(Market m, java.util.Collection<String> fields) {
        java.util.LinkedHashMap<String, String> out = new java.util.LinkedHashMap<>();
        Tick t = m.current();
        if (t == null) return out;
        int dp = m.decimals();
        boolean closed = m.closed(sim.nowMillis());
        double div = m.instrument.sizeDivisor;
        for (String f : fields) {
            if (m.omitted.contains(f)) continue;
            String v = switch (f) {
                case "31" -> (m.halted ? "H" : closed ? "C" : "") + SnapshotFormat.price(t.last(), dp);
                case "84" -> SnapshotFormat.price(t.bid(), dp);
                case "86" -> SnapshotFormat.price(t.ask(), dp);
                case "88" -> SnapshotFormat.size(t.bidSize() / div);
                case "85" -> SnapshotFormat.size(t.askSize() / div);
                case "7059" -> SnapshotFormat.size(t.lastSize() / div);
                case "87" -> SnapshotFormat.compactVolume(m.dayVolume());
                case "7762" -> String.valueOf(m.dayVolume());
                case "55" -> m.instrument.symbol;
                case "7221" -> m.instrument.listingExchange;
                case "7051" -> m.instrument.companyName;
                case "6008" -> String.valueOf(m.instrument.conid);
                case "6509" -> m.frozen ? "ZpB" : m.instrument.mdAvailability;
                case "7295" -> SnapshotFormat.price(m.dayOpen(), dp);
                case "70" -> SnapshotFormat.price(m.dayHigh(), dp);
                case "71" -> SnapshotFormat.price(m.dayLow(), dp);
                case "7296" -> SnapshotFormat.price(t.last(), dp);
                case "7741" -> SnapshotFormat.price(m.priorClose(), dp);
                case "7635" -> SnapshotFormat.price(m.mark(), dp);
                case "82" -> SnapshotFormat.signed(t.last() - m.priorClose(), dp);
                case "83" -> SnapshotFormat.signed((t.last() - m.priorClose()) / m.priorClose() * 100, 2);
                default -> null;
            };
            if (v != null) out.put(f, v);
        }
        return out;
    }

    private SimResponse history(Router.Call c) {
        if (sim.historyInFlight.get() > 5)
            return SimResponse.errorObject(429, "Too many history charts requests, please try again later.");
        Market m;
        try {
            m = sim.markets.get(Long.parseLong(String.valueOf(c.request().param("conid")).trim()));
        } catch (NumberFormatException e) {
            return SimResponse.error(400, "conid must be a number");
        }
        if (m == null) return SimResponse.errorObject(500, "No data.");
        String period = c.request().param("period"), bar = c.request().param("bar");
        Long periodSeconds = periodSeconds(period);
        Long barSeconds = bar == null ? null : BAR_SECONDS.get(bar);
        if (periodSeconds == null || barSeconds == null || barSeconds > periodSeconds)
            return SimResponse.errorObject(400, "Bar size is not supported for the requested period");
        long now = m.looping() ? m.cursorAtMillis : sim.nowMillis();
        long end = m.cursor < 0 ? Long.MIN_VALUE : Math.min(now, m.ticks[m.cursor].atMillis() + 1);
        String startTime = c.request().param("startTime");
        if (startTime != null && !startTime.isBlank()) { // [SIM] the newest edge of the window, as clients page backwards
            try {
                end = Math.min(end, java.time.LocalDateTime.parse(startTime.trim(), START).toInstant(ZoneOffset.UTC).toEpochMilli());
            } catch (java.time.format.DateTimeParseException e) {
                return SimResponse.errorObject(400, "startTime must look like 20230818-08:00:00");
            }
        }
        long from = end - periodSeconds * 1000;
        long barMs = barSeconds * 1000;
        ArrayNode data = Json.array();
        double hi = Double.NEGATIVE_INFINITY, lo = Double.POSITIVE_INFINITY;
        long bucket = Long.MIN_VALUE;
        double o = 0, h = 0, l = 0, cl = 0;
        long volBefore = 0, volLast = 0;
        List<double[]> bars = new ArrayList<>();
        List<Long> times = new ArrayList<>();
        for (int i = 0; i <= m.cursor; i++) {
            Tick t = m.ticks[i];
            if (t.atMillis() >= end) break; // ticks are in time order; a later tick must not reset volBefore
            if (t.atMillis() < from) { volBefore = t.cumVolume(); continue; }
            long b = Math.floorDiv(t.atMillis(), barMs) * barMs;
            if (b != bucket) {
                if (bucket != Long.MIN_VALUE) { bars.add(new double[] {o, h, l, cl, Math.max(0, volLast - volBefore)}); times.add(bucket); volBefore = volLast; }
                bucket = b; o = h = l = t.last();
            }
            h = Math.max(h, t.last()); l = Math.min(l, t.last()); cl = t.last(); volLast = t.cumVolume();
        }
        if (bucket != Long.MIN_VALUE) { bars.add(new double[] {o, h, l, cl, Math.max(0, volLast - volBefore)}); times.add(bucket); }
        int skip = Math.max(0, bars.size() - 1000);
        for (int i = skip; i < bars.size(); i++) {
            double[] x = bars.get(i);
            data.addObject().put("o", x[0]).put("c", x[3]).put("h", x[1]).put("l", x[2]).put("v", x[4]).put("t", times.get(i));
            hi = Math.max(hi, x[1]);
            lo = Math.min(lo, x[2]);
        }
        if (data.isEmpty()) return SimResponse.errorObject(500, "No data.");
        ObjectNode r = Json.object();
        r.put("serverId", "20477").put("symbol", m.instrument.symbol).put("text", m.instrument.companyName).put("priceFactor", 100)
            .put("startTime", START.format(Instant.ofEpochMilli(times.get(skip))))
            .put("high", Math.round(hi * 100) + "/0/0").put("low", Math.round(lo * 100) + "/0/0").put("timePeriod", period)
            .put("barLength", barSeconds).put("mdAvailability", "S").put("mktDataDelay", 0)
            .put("outsideRth", "true".equalsIgnoreCase(c.request().param("outsideRth"))).put("volumeFactor", 1)
            .put("priceDisplayRule", 1).put("priceDisplayValue", "2").put("negativeCapable", false).put("messageVersion", 2);
        r.set("data", data);
        r.put("points", data.size() - 1).put("travelTime", 5);
        return SimResponse.json(Json.write(r));
    }

    static Long periodSeconds(String period) {
        if (period == null) return null;
        Matcher mt = PERIOD.matcher(period);
        if (!mt.matches()) return null;
        long n = Long.parseLong(mt.group(1));
        long[] range = switch (mt.group(2)) {
            case "min" -> new long[] {1, 30, 60};
            case "h" -> new long[] {1, 8, 3600};
            case "d" -> new long[] {1, 1000, 86400};
            case "w" -> new long[] {1, 792, 604800};
            case "m" -> new long[] {1, 182, 2592000};
            default -> new long[] {1, 15, 31536000};
        };
        return n < range[0] || n > range[1] ? null : n * range[2];
    }

    private SimResponse unsubscribe(Router.Call c) {
        JsonNode b = Json.parseOrNull(c.request().bodyText());
        long conid = b == null ? -1 : b.path("conid").asLong(-1);
        if (sim.epoch.subscriptions.remove(conid) == null) return SimResponse.errorObject(500, "unknown");
        sim.epoch.preflighted.remove(conid);
        return SimResponse.json("{\"success\":true}");
    }

    static Set<String> fieldSet(String csv) {
        Set<String> s = new LinkedHashSet<>();
        if (csv != null) for (String f : csv.split(",")) if (!f.isBlank()) s.add(f.trim());
        return s;
    }
}
