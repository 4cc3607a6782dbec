package io.ibex.sim;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * "IBKR's backend": orders, executions, positions, cash and the cOID registry. It survives re-auth, expiry and
 * gateway restarts. Guarded by the simulator's lock.
 */
final class Backend {
    /** A registered cOID: which order took it and when (the 24 h uniqueness window starts there). */
    record CoidEntry(long orderId, long atMillis) {}

    static final long COID_WINDOW_MILLIS = 24 * 3600_000L;

    final Map<Long, SimOrder> orders = new LinkedHashMap<>();
    final List<Execution> executions = new ArrayList<>();
    final Map<String, SimPosition> positions = new LinkedHashMap<>();
    final Map<String, BigDecimal> cash = new HashMap<>();
    final Map<String, BigDecimal> startCash = new HashMap<>();
    final Map<String, CoidEntry> coids = new HashMap<>();
    SimCommission commission = SimCommission.IBKR_LIKE;
    private long nextOrderId = 1_000_000_001L;
    private long executionSeq = 0xe0d5;
    /** Positions as last served by the cached /portfolio/{id}/positions endpoint while a lag is pending. */
    Map<String, SimPosition> positionsCache;
    long positionsDirtySinceMillis;

    long nextOrderId() { return nextOrderId++; }

    SimPosition position(String acct, long conid) {
        return positions.computeIfAbsent(acct + "|" + conid, k -> new SimPosition(acct, conid));
    }

    boolean coidTaken(String coid, long nowMillis) {
        CoidEntry e = coid == null ? null : coids.get(coid);
        return e != null && nowMillis - e.atMillis() < COID_WINDOW_MILLIS;
    }

    /** Books one fill: execution row, order progress, position, realised P&L and cash. */
    Execution fill(SimOrder o, double qty, double price, long nowMillis, long lagMillis) {
        if (lagMillis > 0 && positionsCache == null) {
            positionsCache = snapshotPositions();
            positionsDirtySinceMillis = nowMillis;
        }
        double commission = this.commission.of(qty, price);
        String id = String.format("%08x.%08x.01.01", executionSeq++, nowMillis / 1000);
        Execution e = new Execution(id, o.orderId, o.coid, o.acct, o.conid, o.side, qty, price, commission, nowMillis);
        executions.add(e);
        double before = o.filled;
        o.filled += qty;
        o.avgPrice = (before * o.avgPrice + qty * price) / o.filled;
        o.lastExecAtMillis = nowMillis;
        if (o.remaining() <= 1e-9) {
            o.status = "Filled";
            o.terminalAtMillis = nowMillis;
        }
        double signed = o.isBuy() ? qty : -qty;
        position(o.acct, o.conid).apply(signed, price);
        BigDecimal flow = BigDecimal.valueOf(signed).multiply(BigDecimal.valueOf(price))
            .add(BigDecimal.valueOf(commission)).setScale(4, RoundingMode.HALF_EVEN);
        cash.merge(o.acct, flow.negate(), BigDecimal::add);
        return e;
    }

    Map<String, SimPosition> snapshotPositions() {
        Map<String, SimPosition> copy = new LinkedHashMap<>();
        positions.forEach((k, v) -> copy.put(k, v.copy()));
        return copy;
    }

    List<SimOrder> openOrders(long conid) {
        List<SimOrder> out = new ArrayList<>();
        for (SimOrder o : orders.values()) if (o.conid == conid && o.isOpen()) out.add(o);
        return out;
    }
}
