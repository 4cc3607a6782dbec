package io.ibex.sim;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Deque;
import java.util.List;

/** An order ticket waiting on its confirmation questions (§3.4, §4 reply discipline). */
final class PendingReply {
    enum State { PENDING, INVALIDATED, ANSWERED }

    final String id;
    final long epoch;
    final String acct;
    final List<JsonNode> orders;      // placement ticket
    final SimOrder modifyTarget;      // non-null for a modify
    final Deque<String> remaining;
    State state = State.PENDING;

    PendingReply(String id, long epoch, String acct, List<JsonNode> orders, SimOrder modifyTarget, Deque<String> remaining) {
        this.id = id;
        this.epoch = epoch;
        this.acct = acct;
        this.orders = orders;
        this.modifyTarget = modifyTarget;
        this.remaining = remaining;
    }
}
