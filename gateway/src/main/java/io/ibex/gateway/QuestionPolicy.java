package io.ibex.gateway;

import java.util.Set;

/** Decides whether to confirm one gateway question ({@code POST /iserver/reply/{id}}). */
@FunctionalInterface
public interface QuestionPolicy {
    boolean confirm(PlaceOrderReply.NeedsConfirmation question);

    /** Questions ibex may confirm unattended (ibkr-gateway.md §6.3); o354 "no market data" is left out on purpose. */
    Set<String> DEFAULT_ALLOWED = Set.of("o163", "o382", "o383", "o403", "o451", "o10151", "o10152", "o10153",
        "o10331", "p6", "p12");

    /** Confirms only questions whose every message id is allow-listed; matches by id, never by text. */
    static QuestionPolicy allowList(Set<String> allowed) {
        Set<String> copy = Set.copyOf(allowed);
        return q -> !q.messageIds().isEmpty() && copy.containsAll(q.messageIds());
    }

    QuestionPolicy DECLINE_ALL = q -> false;
}
