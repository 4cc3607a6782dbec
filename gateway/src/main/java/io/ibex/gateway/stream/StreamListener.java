package io.ibex.gateway.stream;

import io.ibex.gateway.SnapshotRow;

/** What the WebSocket client delivers; called on the WebSocket's thread, so implementations must be quick. */
public interface StreamListener {
    /** The quote after merging the changed fields of one {@code smd} push into the last one. */
    default void onQuote(SnapshotRow merged) {}

    default void onOrder(OrderUpdate update) {}

    default void onPnl(PnlUpdate update) {}

    /** A {@code system} heartbeat arrived. */
    default void onHeartbeat() {}

    /** Connected, disconnected, reconnecting, session lost or back: one line for a status display or a log. */
    default void onStatus(String status) {}
}
