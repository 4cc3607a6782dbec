package io.ibex.sim;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.Deque;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The question engine of §3.4: which confirmation questions a ticket raises. {@code forceNext(...)} queues an explicit
 * chain for the next ticket (asked even when suppressed); default rules are skipped when suppressed in this epoch.
 */
public final class Questions {
    static final Map<String, String> TEXTS = Map.of(
        "o163", "The following order exceeds the price percentage limit of 3%.\nAre you sure you want to submit this order?",
        "o451", "The following order size exceeds the Value Limit of 100,000 USD.\nAre you sure you want to submit this order?",
        "o383", "The following order size exceeds the Size Limit of 500.\nAre you sure you want to submit this order?",
        "o354", "You are submitting an order without market data. We strongly recommend against this as it may result in "
            + "erroneous and unexpected trades.\nAre you sure you want to submit this order?",
        "o10331", "You are about to submit a stop order. Please be aware of the various stop order types available and the "
            + "risks associated with each one.\nAre you sure you want to submit this order?",
        "o10138", "The following order size modification exceeds the size modification limit.\nAre you sure you want to submit this order?");

    private final GatewaySimulator sim;
    private final Deque<List<String>> forced = new ArrayDeque<>();

    Questions(GatewaySimulator sim) { this.sim = sim; }

    /** The next order ticket (place or modify) asks exactly these questions first, in this order. */
    public void forceNext(String... messageIds) {
        synchronized (sim.lock) { forced.addLast(Arrays.asList(messageIds.clone())); }
    }

    public void enableDefaults(boolean on) {
        synchronized (sim.lock) { sim.options.defaultQuestions = on; }
    }

    static String text(String id) { return TEXTS.getOrDefault(id, "Please confirm (" + id + ").\nAre you sure you want to submit this order?"); }

    /** Questions for a new ticket, consuming a forced chain if one is queued. */
    Deque<String> forPlacement(List<JsonNode> orders, BrokerageEpoch epoch) {
        List<String> chain = forced.isEmpty() ? List.of() : forced.pollFirst();
        Set<String> ids = new LinkedHashSet<>();
        if (sim.options.defaultQuestions) {
            for (JsonNode o : orders) {
                long conid = o.path("conid").asLong();
                Market m = sim.markets.get(conid);
                String type = o.path("orderType").asText("").toUpperCase();
                double qty = o.path("quantity").asDouble();
                double last = m == null ? 0 : m.mark();
                double px = o.hasNonNull("price") ? o.path("price").asDouble() : last;
                if (!epoch.preflighted.contains(conid)) ids.add("o354");
                if ("LMT".equals(type) && last > 0 && Math.abs(px - last) / last > 0.03) ids.add("o163");
                if (qty * px > 100_000) ids.add("o451");
                if (qty > 500) ids.add("o383");
                if ("STP".equals(type) || "STOP_LIMIT".equals(type)) ids.add("o10331");
            }
        }
        return merge(chain, ids, epoch);
    }

    /** Questions for a modify: a forced chain, o163 on a far limit price, o10138 on a size change above 50%. */
    Deque<String> forModify(SimOrder o, JsonNode body, BrokerageEpoch epoch) {
        List<String> chain = forced.isEmpty() ? List.of() : forced.pollFirst();
        Set<String> ids = new LinkedHashSet<>();
        if (sim.options.defaultQuestions) {
            double last = sim.marketOf(o.conid).mark();
            if (body.hasNonNull("price") && "LMT".equals(o.type) && last > 0
                && Math.abs(body.path("price").asDouble() - last) / last > 0.03) ids.add("o163");
            if (body.hasNonNull("quantity") && Math.abs(body.path("quantity").asDouble() - o.qty) > 0.5 * o.qty) ids.add("o10138");
        }
        return merge(chain, ids, epoch);
    }

    private static Deque<String> merge(List<String> chain, Set<String> defaults, BrokerageEpoch epoch) {
        Deque<String> q = new ArrayDeque<>(chain);
        for (String id : defaults) if (!chain.contains(id) && !epoch.suppressed.contains(id)) q.add(id);
        return q;
    }
}
