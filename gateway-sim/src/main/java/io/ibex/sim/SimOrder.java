package io.ibex.sim;

import com.fasterxml.jackson.databind.node.ObjectNode;

/** An order in the simulated IBKR backend (§3.4). Mutable; guarded by the simulator's lock. */
public final class SimOrder {
    final long orderId;
    final String coid;
    final String acct;
    final long conid;
    final String side;        // BUY | SELL
    String type;              // MKT | LMT | STP | STOP_LIMIT
    double qty;
    Double price;
    Double auxPrice;
    String tif;
    boolean outsideRth;
    String parentCoid;
    Long parentOrderId;
    String ocaGroup;
    String status = "Submitted";
    double filled;
    double avgPrice;
    boolean triggered;
    boolean waitingForParent;
    /** UTC day (epoch days) of the first tick this DAY order could match on, for {@link SimulatorBuilder#utcDayExpiry()}. */
    long activeUtcDay = Long.MIN_VALUE;
    final long createdAtMillis;
    final long createdEpoch;
    long lastExecAtMillis;
    long terminalAtMillis;
    long cancelDueMillis;
    long visibleAtMillis;
    ObjectNode request;

    SimOrder(long orderId, String coid, String acct, long conid, String side, String type, double qty,
             long createdAtMillis, long createdEpoch) {
        this.orderId = orderId;
        this.coid = coid;
        this.acct = acct;
        this.conid = conid;
        this.side = side;
        this.type = type;
        this.qty = qty;
        this.createdAtMillis = createdAtMillis;
        this.createdEpoch = createdEpoch;
    }

    public long orderId() { return orderId; }
    public String coid() { return coid; }
    public String status() { return status; }
    public double filled() { return filled; }
    public double quantity() { return qty; }
    public double avgPrice() { return avgPrice; }
    public long conid() { return conid; }
    public String side() { return side; }
    public String type() { return type; }
    /** A bracket child whose parent has not filled yet. */
    public boolean waitingForParent() { return waitingForParent; }
    /** Submitted, PreSubmitted, PendingSubmit or PendingCancel: it can still fill. */
    public boolean working() { return isOpen(); }

    boolean isOpen() {
        return switch (status) {
            case "Submitted", "PreSubmitted", "PendingSubmit", "PendingCancel" -> true;
            default -> false;
        };
    }

    boolean isBuy() { return "BUY".equals(side); }

    double remaining() { return qty - filled; }

    @Override public String toString() {
        return "order " + orderId + " " + side + " " + qty + " " + type + " conid " + conid + " " + status;
    }
}
