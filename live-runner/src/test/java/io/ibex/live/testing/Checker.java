package io.ibex.live.testing;

import io.ibex.framework.domain.Fill;
import io.ibex.live.journal.ClientOrderIds;
import io.ibex.live.journal.JournalIntent;
import io.ibex.live.journal.OrderJournal;
import io.ibex.live.runner.BrokerExecution;
import io.ibex.live.runner.BrokerOrder;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Checks C1-C3 of reliability.md §2 on the venue state and the journal; returns violations (empty = fine). */
public final class Checker {
    private Checker() {}

    public static List<String> check(OrderJournal journal, VenueModel venue) {
        List<String> v = new ArrayList<>();
        Set<String> journaled = new HashSet<>();
        for (JournalIntent i : journal.intents()) journaled.add(i.id().value());
        Map<String, Integer> perRef = new HashMap<>();
        for (BrokerOrder o : venue.ourOrders()) {
            if (!ClientOrderIds.isOurs(journal.runnerId(), o.orderRef())) continue;
            perRef.merge(o.orderRef(), 1, Integer::sum);
            if (!journaled.contains(o.orderRef())) v.add("C1: broker order " + o.orderRef() + " has no journaled intent");
        }
        perRef.forEach((ref, n) -> { if (n > 1) v.add("C1: " + n + " broker orders for " + ref); });
        Set<String> venueExecs = new HashSet<>();
        for (BrokerExecution x : venue.allExecutions()) if (ClientOrderIds.isOurs(journal.runnerId(), x.orderRef())) venueExecs.add(x.executionId());
        Set<String> journalExecs = new HashSet<>();
        for (Fill f : journal.fills()) journalExecs.add(f.executionId());
        if (!venueExecs.equals(journalExecs)) v.add("C2: journal fills " + journalExecs + " != venue executions " + venueExecs);
        Map<String, BigDecimal> venuePos = new HashMap<>();
        for (BrokerExecution x : venue.allExecutions())
            if (ClientOrderIds.isOurs(journal.runnerId(), x.orderRef()))
                venuePos.merge(x.instrument().symbol(), x.side().sign() > 0 ? x.quantity() : x.quantity().negate(), BigDecimal::add);
        venuePos.forEach((sym, q) -> {
            if (journal.position(sym).compareTo(q) != 0) v.add("C3: position " + sym + " journal " + journal.position(sym) + " venue " + q);
        });
        return v;
    }
}
