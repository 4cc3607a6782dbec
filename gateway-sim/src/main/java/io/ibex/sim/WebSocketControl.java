package io.ibex.sim;

import java.time.Duration;
import java.util.Objects;

/**
 * WebSocket faults and settings (Java API; the same actions over HTTP as {@code POST /__sim/ws/<action>}): drop every
 * socket, stall or resume heartbeats, end every {@code smd} subscription now, send a malformed JSON message or a
 * malformed frame.
 */
public final class WebSocketControl {
    private final GatewaySimulator sim;

    WebSocketControl(GatewaySimulator sim) { this.sim = sim; }

    /** Open WebSocket connections. */
    public int connections() {
        synchronized (sim.lock) { return sim.ws.connectionCount(); }
    }

    /**
     * Open connections subscribed to order updates. A {@code sor} subscription pushes only the orders that are open at
     * that moment: a test that wants an order's fill pushed waits for the subscription before placing the order.
     */
    public int orderSubscribers() {
        synchronized (sim.lock) { return sim.ws.orderSubscriberCount(); }
    }

    /** Closes every socket's TCP connection without a close frame. */
    public void dropAll() {
        synchronized (sim.lock) { sim.ws.dropAll(); }
    }

    /** Stops (true) or resumes (false) the {@code system} heartbeats; everything else keeps flowing. */
    public void stallHeartbeats(boolean stalled) {
        synchronized (sim.lock) { sim.ws.heartbeatsStalled = stalled; }
    }

    /** Ends every {@code smd} subscription now, silently, as IBKR does when their lifetime runs out. */
    public void expireSubscriptions() {
        synchronized (sim.lock) { sim.ws.expireSubscriptions(); }
    }

    public void malformedJson() {
        synchronized (sim.lock) { sim.ws.malformedJson(); }
    }

    public void badFrame() {
        synchronized (sim.lock) { sim.ws.badFrame(); }
    }

    /** The lifetime of {@code smd} subscriptions made from now on. */
    public void smdLifetime(Duration d) {
        Objects.requireNonNull(d, "smdLifetime");
        synchronized (sim.lock) { sim.options.smdLifetime = d; }
    }

    SimResponse admin(String action) {
        switch (action) {
            case "drop" -> dropAll();
            case "stall-heartbeats" -> stallHeartbeats(true);
            case "resume-heartbeats" -> stallHeartbeats(false);
            case "expire-subscriptions" -> expireSubscriptions();
            case "malformed-json" -> malformedJson();
            case "bad-frame" -> badFrame();
            default -> {
                return SimResponse.errorObject(404, "unknown WebSocket action '" + action.replace("\"", "")
                    + "' (drop, stall-heartbeats, resume-heartbeats, expire-subscriptions, malformed-json, bad-frame)");
            }
        }
        return SimResponse.json("{\"accepted\":\"" + action + "\",\"connections\":" + connections() + "}");
    }
}
