package io.ibex.sim;

import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;

/**
 * Everything that lives "per brokerage session" (§3.1): cleared by starting a new epoch on every entry into
 * AUTHENTICATED. Orders, fills and positions are not here; they belong to the backend and survive re-auth.
 */
final class BrokerageEpoch {
    /** One snapshot subscription: the accumulated field set and how many calls it has answered. */
    static final class Subscription {
        final Set<String> fields = new LinkedHashSet<>();
        Set<String> pendingFields = new LinkedHashSet<>();
        int calls;
    }

    final long number;
    final long startedAtMillis;
    boolean accountsQueried;
    int liveOrdersCalls;
    boolean sorStopped;
    final Map<Long, Subscription> subscriptions = new HashMap<>();
    final Set<Long> preflighted = new HashSet<>();
    final Set<String> suppressed = new HashSet<>();
    final Set<Long> positionContractFieldsServed = new HashSet<>();

    BrokerageEpoch(long number, long startedAtMillis) {
        this.number = number;
        this.startedAtMillis = startedAtMillis;
    }
}
