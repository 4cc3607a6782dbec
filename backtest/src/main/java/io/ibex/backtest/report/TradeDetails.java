package io.ibex.backtest.report;

import io.ibex.backtest.BacktestResult;
import io.ibex.backtest.OrderLogEntry;
import io.ibex.execution.Trade;
import io.ibex.framework.domain.Bars;
import io.ibex.framework.domain.ClientOrderId;
import io.ibex.framework.domain.OrderType;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What the trade table adds to each round trip: how long it was held, its return on the entry value, its maximum
 * adverse and favourable excursion (the worst and best price the bars from entry to exit reached, as a return on the
 * entry price; the entry bar counts whole, since a bar does not say what it did before the fill), and why it was exited.
 *
 * @param exitReason {@code take-profit} or {@code stop-loss} for a bracket leg, else {@code stop} or {@code limit}
 *                   for such an exit order, {@code signal} for a market order
 */
record TradeDetails(long holdingMillis, double returnPct, double mae, double mfe, String exitReason) {
    static List<TradeDetails> of(BacktestResult r) {
        Map<String, Bars> bySymbol = new HashMap<>();
        for (Bars b : r.series()) bySymbol.put(b.instrument().symbol(), b);
        ExitOrders exits = new ExitOrders(r.orders());
        List<TradeDetails> out = new ArrayList<>(r.trades().size());
        for (Trade t : r.trades()) {
            double entry = t.entryPrice().doubleValue(), qty = t.quantity().doubleValue();
            double ret = entry * qty == 0 ? Double.NaN : t.pnl().doubleValue() / (entry * qty);
            Bars b = bySymbol.get(t.instrument().symbol());
            double mae = Double.NaN, mfe = Double.NaN;
            if (b != null && b.size() > 0) {
                double low = Double.POSITIVE_INFINITY, high = Double.NEGATIVE_INFINITY;
                for (int i = firstAtOrAfter(b, t.entryTimeMillis()); i < b.size() && b.time(i) <= t.exitTimeMillis(); i++) {
                    low = Math.min(low, b.low(i));
                    high = Math.max(high, b.high(i));
                }
                if (high >= low) {
                    boolean isLong = t.direction().equals("long");
                    mae = isLong ? low / entry - 1 : 1 - high / entry;
                    mfe = isLong ? high / entry - 1 : 1 - low / entry;
                }
            }
            out.add(new TradeDetails(t.exitTimeMillis() - t.entryTimeMillis(), ret, mae, mfe, exits.reason(t)));
        }
        return out;
    }

    private static int firstAtOrAfter(Bars b, long t) {
        int lo = 0, hi = b.size();
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (b.time(mid) < t) lo = mid + 1;
            else hi = mid;
        }
        return lo;
    }

    /** The exit fill of each trade, found by instrument, time and side in the order log. */
    private static final class ExitOrders {
        private final Map<String, List<OrderLogEntry>> fills = new HashMap<>();
        private final Set<ClientOrderId> bracketLegs = new HashSet<>();

        ExitOrders(List<OrderLogEntry> log) {
            for (OrderLogEntry e : log) {
                if (e.parentId() != null) bracketLegs.add(e.orderId());
                if (e.event().equals("filled"))
                    fills.computeIfAbsent(key(e.instrument() == null ? "" : e.instrument().symbol(), e.timeMillis()), k -> new ArrayList<>(1)).add(e);
            }
        }

        String reason(Trade t) {
            List<OrderLogEntry> at = fills.get(key(t.instrument().symbol(), t.exitTimeMillis()));
            if (at == null) at = fills.get(key("", t.exitTimeMillis()));
            if (at == null) return "";
            for (OrderLogEntry e : at) {
                if (e.side() == t.side()) continue;             // the exit trades against the entry's side
                boolean leg = bracketLegs.contains(e.orderId());
                if (e.type() == OrderType.LMT) return leg ? "take-profit" : "limit";
                if (e.type() == OrderType.STP || e.type() == OrderType.STOP_LIMIT) return leg ? "stop-loss" : "stop";
                return "signal";
            }
            return "";
        }

        private static String key(String symbol, long time) { return symbol + '@' + time; }
    }

    /** {@code 3d 4h}, {@code 5h 10m}, {@code 25m}. */
    static String holding(long millis) {
        long minutes = millis / 60_000, hours = minutes / 60, days = hours / 24;
        if (days > 0) return days + "d" + (hours % 24 == 0 ? "" : " " + hours % 24 + "h");
        if (hours > 0) return hours + "h" + (minutes % 60 == 0 ? "" : " " + minutes % 60 + "m");
        return minutes + "m";
    }
}
