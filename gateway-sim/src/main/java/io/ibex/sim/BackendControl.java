package io.ibex.sim;

import java.math.BigDecimal;

/** Backend-side events that need no request (§5.1): fills during an outage, foreign orders, forced positions. */
public final class BackendControl {
    private final GatewaySimulator sim;

    BackendControl(GatewaySimulator sim) { this.sim = sim; }

    /** Fills {@code qty} of an open order at the current touch, whether or not the gateway is reachable. */
    public Execution fillWhileDown(long orderId, double qty) {
        synchronized (sim.lock) {
            SimOrder o = sim.backend.orders.get(orderId);
            if (o == null || !o.isOpen()) throw new IllegalArgumentException("order " + orderId + " is not open");
            Market m = sim.marketOf(o.conid);
            Tick t = m.current();
            double px = t == null ? m.mark() : o.isBuy() ? t.ask() : t.bid();
            return sim.backend.fill(o, Math.min(qty, o.remaining()), px, sim.nowMillis(), sim.options.positionsCacheLag.toMillis());
        }
    }

    /** An order placed elsewhere (TWS, mobile): foreign or no cOID. Returns its order id. */
    public long external(String acct, long conid, String side, double qty, String orderType, Double price, String foreignCoid) {
        synchronized (sim.lock) {
            sim.marketOf(conid);
            SimOrder o = new SimOrder(sim.backend.nextOrderId(), foreignCoid, acct, conid, side.toUpperCase(), orderType.toUpperCase(),
                qty, sim.nowMillis(), sim.epochNumber());
            o.price = price;
            o.tif = "GTC";
            o.request = Json.object();
            o.status = "Submitted";
            sim.backend.orders.put(o.orderId, o);
            sim.matcher.run(sim.marketOf(conid));
            return o.orderId;
        }
    }

    /** Pre-registers a cOID so that the client's next order with it hits the duplicate path. */
    public void seedCoid(String coid) {
        synchronized (sim.lock) { sim.backend.coids.put(coid, new Backend.CoidEntry(-1, sim.nowMillis())); }
    }

    /** Forces a position (mismatch tests); cash is left alone. */
    public void setPosition(String acct, long conid, double qty, double avgPrice) {
        synchronized (sim.lock) {
            SimPosition p = sim.backend.position(acct, conid);
            p.qty = qty;
            p.avgPrice = avgPrice;
        }
    }

    public double position(String acct, long conid) {
        synchronized (sim.lock) {
            SimPosition p = sim.backend.positions.get(acct + "|" + conid);
            return p == null ? 0 : p.qty;
        }
    }

    public double avgPrice(String acct, long conid) {
        synchronized (sim.lock) {
            SimPosition p = sim.backend.positions.get(acct + "|" + conid);
            return p == null ? 0 : p.avgPrice;
        }
    }

    public double realizedPnl(String acct, long conid) {
        synchronized (sim.lock) {
            SimPosition p = sim.backend.positions.get(acct + "|" + conid);
            return p == null ? 0 : p.realizedPnl;
        }
    }

    public BigDecimal cash(String acct) {
        synchronized (sim.lock) { return sim.backend.cash.getOrDefault(acct, BigDecimal.ZERO); }
    }
}
