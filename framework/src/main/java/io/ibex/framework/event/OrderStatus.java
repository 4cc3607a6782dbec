package io.ibex.framework.event;

/**
 * Order lifecycle, the one transition table shared by backtest and live. {@code UNKNOWN} is the live runner's
 * "ambiguous outcome": sent, answer lost; it leaves only through a lookup by client order id.
 */
public enum OrderStatus {
    NEW, SUBMITTED, WORKING, PARTIALLY_FILLED, FILLED, PENDING_CANCEL, CANCELLED, REJECTED, UNKNOWN;

    public boolean isTerminal() { return this == FILLED || this == CANCELLED || this == REJECTED; }

    /** The status after {@code event}; throws {@link IllegalStateException} naming both for an illegal transition. */
    public OrderStatus next(OrderEvent event, boolean fullyFilled) {
        OrderStatus s = this;
        OrderStatus next = switch (event) {
            case OrderEvent.Submitted e -> s == NEW ? SUBMITTED : null;
            case OrderEvent.Accepted e -> s == SUBMITTED || s == UNKNOWN ? WORKING : s == WORKING ? WORKING : null;
            case OrderEvent.Rejected e -> s == SUBMITTED || s == UNKNOWN || s == NEW ? REJECTED : null;
            // a fill may race our cancel, and a late fill may land after CANCELLED (real-world possibility)
            case OrderEvent.Filled e -> s == SUBMITTED || s == WORKING || s == PARTIALLY_FILLED || s == PENDING_CANCEL
                || s == UNKNOWN || s == CANCELLED ? (fullyFilled ? FILLED : PARTIALLY_FILLED) : null;
            case OrderEvent.Cancelled e -> s == SUBMITTED || s == WORKING || s == PARTIALLY_FILLED || s == PENDING_CANCEL
                || s == UNKNOWN ? CANCELLED : null;
        };
        if (next == null)
            throw new IllegalStateException("order " + event.orderId() + ": " + event.getClass().getSimpleName()
                + " is not allowed in state " + s);
        return next;
    }
}
