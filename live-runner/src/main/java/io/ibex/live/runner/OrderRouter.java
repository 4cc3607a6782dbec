package io.ibex.live.runner;

import io.ibex.framework.domain.ClientOrderId;
import io.ibex.framework.domain.Fill;
import io.ibex.framework.domain.OrderRequest;
import io.ibex.framework.event.OrderStatus;
import io.ibex.session.alert.AlertEvent;
import io.ibex.live.journal.ClientOrderIds;
import io.ibex.live.journal.IntentDraft;
import io.ibex.live.journal.JournalIntent;
import io.ibex.live.journal.OrderJournal;
import io.ibex.live.risk.MarketView;
import io.ibex.session.AlertSink;
import io.ibex.live.risk.OrderCheck;
import io.ibex.live.risk.RiskDecision;
import io.ibex.live.risk.RiskGate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.InstantSource;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * intent -> risk -> journal commit -> gateway -> recorded status (P1). One ticket at a time (IBKR wants each order's
 * final answer before the next). No POST is ever retried blindly: an ambiguous answer makes the intent UNKNOWN, and it
 * leaves UNKNOWN only through a lookup by cOID; a resend carries the SAME cOID and happens only within 20 h of the
 * intent (IBKR keeps cOIDs unique for 24 h, so "already registered" then proves the first attempt landed).
 */
public final class OrderRouter {
    private static final Logger log = LoggerFactory.getLogger(OrderRouter.class);
    /** 20 h: safely inside IBKR's 24 h cOID uniqueness window. */
    static final long RESEND_WINDOW_MILLIS = Duration.ofHours(20).toMillis();

    private final OrderJournal journal;
    private final RiskGate risk;
    private final OrderGateway gateway;
    private final ExposureBook exposure;
    private final InstantSource clock;
    private final Pauser pauser;
    private final LookupPolicy lookupPolicy;
    private final boolean shadow;
    private AlertSink alerts = AlertSink.logging();

    /**
     * @param lookupPolicy how many probes, how far apart, before "not found" counts (F13/F14)
     * @param shadow       journal intents but never send them (--shadow)
     */
    public OrderRouter(OrderJournal journal, RiskGate risk, OrderGateway gateway, ExposureBook exposure, InstantSource clock,
                       Pauser pauser, LookupPolicy lookupPolicy, boolean shadow) {
        this.journal = Objects.requireNonNull(journal, "journal");
        this.risk = Objects.requireNonNull(risk, "risk");
        this.gateway = Objects.requireNonNull(gateway, "gateway");
        this.exposure = Objects.requireNonNull(exposure, "exposure");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.pauser = Objects.requireNonNull(pauser, "pauser");
        this.lookupPolicy = Objects.requireNonNull(lookupPolicy, "lookupPolicy");
        this.shadow = shadow;
    }

    /** Routes one intent. {@code check} carries the strategy's raw numbers, validated by risk before anything else. */
    public synchronized RouteResult place(OrderCheck check, IntentDraftFactory draft, MarketView view, BigDecimal equity) {
        RouteResult admitted = admit(check, draft, view, equity);
        if (!(admitted instanceof RouteResult.Routed r)) return admitted;
        return sendGroup(List.of(journal.find(r.id()).orElseThrow())).get(0);
    }

    /**
     * Risk, then the journal commit of one intent that is NOT sent yet: Denied, Shadowed (journaled as not sent), or
     * Routed with status NEW. {@link #sendGroup} sends it, alone or with the other legs of its group.
     */
    public synchronized RouteResult admit(OrderCheck check, IntentDraftFactory draft, MarketView view, BigDecimal equity) {
        return admit(check, draft, view, equity, null);
    }

    /** As {@link #admit(OrderCheck, IntentDraftFactory, MarketView, BigDecimal)} for a leg of OCA group {@code ocaGroup}. */
    public synchronized RouteResult admit(OrderCheck check, IntentDraftFactory draft, MarketView view, BigDecimal equity,
                                          String ocaGroup) {
        RiskDecision d = risk.check(check, view, exposure.of(check.instrument(), ocaGroup), equity);
        if (d instanceof RiskDecision.Denied denied) {
            log.warn("{}", denied);
            if (denied.reason() == io.ibex.live.risk.DenyReason.DAILY_LOSS)
                alerts.raise(AlertEvent.DAILY_LOSS_LIMIT, "", denied.message());
            return new RouteResult.Denied(denied);
        }
        JournalIntent intent = journal.recordIntent(draft.draft(BigDecimal.valueOf(check.quantity())));
        if (shadow) {
            journal.setStatus(intent.id(), OrderStatus.CANCELLED, null, "shadow: not sent");
            log.info("shadow order {} {} {} {} (not sent)", intent.id(), check.side(), check.quantity(), check.instrument());
            return new RouteResult.Shadowed(intent.id());
        }
        return new RouteResult.Routed(intent.id(), OrderStatus.NEW);
    }

    /**
     * Changes a working order: risk checks the changed order, the journal notes the request before it is sent, and
     * takes the new quantity and prices once the venue accepted. Never retried. True when the venue took it.
     */
    public synchronized boolean modify(JournalIntent intent, OrderRequest changed, OrderCheck check, MarketView view,
                                       BigDecimal equity) {
        if (shadow) return false;
        RiskDecision d = risk.check(check, view, exposure.of(check.instrument()), equity);
        if (d instanceof RiskDecision.Denied denied) {
            log.warn("modify of {} denied: {}", intent.id(), denied);
            return false;
        }
        journal.amend(intent.id(), changed.quantity(), changed.limitPrice(), changed.stopPrice(), false);
        SubmitOutcome outcome;
        try {
            outcome = gateway.modify(intent.brokerOrderId(), changed);
        } catch (RuntimeException e) {
            outcome = new SubmitOutcome.Ambiguous(e.getClass().getSimpleName() + ": " + e.getMessage());
        }
        if (outcome instanceof SubmitOutcome.Placed) {
            journal.amend(intent.id(), changed.quantity(), changed.limitPrice(), changed.stopPrice(), true);
            return true;
        }
        log.warn("modify of {} not applied: {}", intent.id(), outcome);
        return false;
    }

    /** Marks admitted intents that will never be sent (another leg of their group was denied) as cancelled. */
    public synchronized void abandon(List<ClientOrderId> ids, String why) {
        for (ClientOrderId id : ids) journal.setStatus(id, OrderStatus.CANCELLED, null, "not sent: " + why);
    }

    /**
     * Sends committed NEW intents as one ticket (one leg: a plain order; several: a bracket or OCA group), each attempt
     * committed first; one result per leg. An ambiguous single order is looked up by cOID at once; an ambiguous group
     * leg is left UNKNOWN for reconciliation, which never resends a leg of a group.
     */
    public synchronized List<RouteResult> sendGroup(List<JournalIntent> legs) {
        for (JournalIntent i : legs) journal.markSending(i.id());
        List<SubmitOutcome> outcomes;
        try {
            outcomes = legs.size() == 1 ? List.of(gateway.submit(legs.get(0).toRequest()))
                : gateway.submitGroup(legs.stream().map(JournalIntent::toRequest).toList());
        } catch (RuntimeException e) {
            // anything unclassified after the POST left is ambiguous, never "not placed"
            SubmitOutcome unknown = new SubmitOutcome.Ambiguous(e.getClass().getSimpleName() + ": " + e.getMessage());
            outcomes = legs.stream().map(l -> unknown).toList();
        }
        if (outcomes.size() != legs.size())
            outcomes = legs.stream().map(l -> (SubmitOutcome) new SubmitOutcome.Ambiguous("the venue answered a different number of legs")).toList();
        List<RouteResult> out = new java.util.ArrayList<>();
        for (int k = 0; k < legs.size(); k++) {
            ClientOrderId id = legs.get(k).id();
            OrderStatus status = record(id, outcomes.get(k), legs.size() == 1);
            if (status == OrderStatus.UNKNOWN)
                alerts.raise(AlertEvent.ORDER_OUTCOME_UNKNOWN, id.toString(), "order " + id + " outcome unknown"
                    + " (no clear answer, not found by its cOID); it is NOT resent. Check: ibex orders --refresh");
            out.add(new RouteResult.Routed(id, status));
        }
        return out;
    }

    /** The clock intents are stamped with. */
    public InstantSource clock() { return clock; }

    /** Where "outcome unknown" and "daily loss limit" go for the operator (the log only, unless set). */
    public OrderRouter alertTo(AlertSink sink) {
        this.alerts = java.util.Objects.requireNonNull(sink, "sink");
        return this;
    }

    /** One attempt on the wire for a committed intent; the attempt count is committed first. */
    private OrderStatus send(JournalIntent intent, boolean resolveIfAmbiguous) {
        journal.markSending(intent.id());
        SubmitOutcome outcome;
        try {
            outcome = gateway.submit(intent.toRequest());
        } catch (RuntimeException e) {
            outcome = new SubmitOutcome.Ambiguous(e.getClass().getSimpleName() + ": " + e.getMessage());
        }
        return record(intent.id(), outcome, resolveIfAmbiguous);
    }

    /** Records what one attempt told us about intent {@code id}. */
    private OrderStatus record(ClientOrderId id, SubmitOutcome outcome, boolean resolveIfAmbiguous) {
        return switch (outcome) {
            case SubmitOutcome.Placed p -> {
                journal.setStatus(id, OrderStatus.WORKING, p.brokerOrderId(), "placed");
                log.info("order {} placed as {}", id, p.brokerOrderId());
                yield current(id);
            }
            case SubmitOutcome.Rejected r -> {
                journal.setStatus(id, OrderStatus.REJECTED, null, "rejected: " + r.reason());
                log.warn("order {} rejected: {}", id, r.reason());
                yield OrderStatus.REJECTED;
            }
            case SubmitOutcome.AlreadyRegistered a -> {
                journal.setStatus(id, OrderStatus.UNKNOWN, null, "already registered: an earlier attempt was placed");
                yield adoptIfFound(id, true);
            }
            case SubmitOutcome.Ambiguous a -> {
                journal.setStatus(id, OrderStatus.UNKNOWN, null, "ambiguous: " + a.reason());
                log.warn("order {} outcome unknown ({}); looking it up by cOID", id, a.reason());
                // a resend that is ambiguous again stays UNKNOWN until the next reconciliation: no loop of POSTs
                yield resolveIfAmbiguous ? resolve(id) : OrderStatus.UNKNOWN;
            }
        };
    }

    /**
     * Resolves an UNKNOWN intent: probe by cOID; found -> adopt; not found after every probe -> resend with the same cOID
     * inside the 20 h window, else record "not placed (policy)".
     */
    public synchronized OrderStatus resolve(ClientOrderId id) {
        JournalIntent intent = journal.find(id).orElseThrow();
        if (intent.status() != OrderStatus.UNKNOWN && intent.status() != OrderStatus.SUBMITTED) return intent.status();
        if (intent.status() == OrderStatus.SUBMITTED)
            journal.setStatus(id, OrderStatus.UNKNOWN, null, "sent before a restart, answer not recorded");
        if (intent.draft().parentId() != null) {
            // a bracket child carries no cOID on the wire: no lookup can find it, and it is never resent
            log.warn("order {} (a bracket child, no cOID at the broker) stays UNKNOWN: check ibex orders --refresh", id);
            return OrderStatus.UNKNOWN;
        }
        for (int probe = 1; probe <= lookupPolicy.probes(); probe++) {
            Optional<BrokerOrder> found;
            try {
                found = gateway.lookup(id.value());
            } catch (RuntimeException e) {
                // a failed probe proves nothing either way: stay UNKNOWN until the next reconciliation
                log.warn("order {} stays UNKNOWN: lookup failed ({})", id, e.getMessage());
                return OrderStatus.UNKNOWN;
            }
            if (found.isPresent()) return adopt(id, found.get());
            if (probe < lookupPolicy.probes()) pause(lookupPolicy.spacing());
        }
        if (intent.draft().parentId() != null || intent.draft().ocaGroup() != null) {
            // a leg sent alone would lose its parent or group, and a child has no cOID to make a resend safe
            log.warn("order {} (a bracket or OCA leg) not found after {} probes; it stays UNKNOWN and is NOT resent", id,
                lookupPolicy.probes());
            return OrderStatus.UNKNOWN;
        }
        long age = clock.millis() - intent.createdMillis();
        if (age >= RESEND_WINDOW_MILLIS) {
            journal.setStatus(id, OrderStatus.CANCELLED, null, "not found after " + lookupPolicy.probes()
                + " probes and older than 20 h: resolved as not placed by policy (no resend outside the cOID window)");
            return OrderStatus.CANCELLED;
        }
        log.warn("order {} not found after {} probes; resending with the same cOID (attempt {})", id, lookupPolicy.probes(),
            intent.attempts() + 1);
        return send(journal.find(id).orElseThrow(), false);
    }

    private OrderStatus adoptIfFound(ClientOrderId id, boolean provenPlaced) {
        for (int probe = 1; probe <= lookupPolicy.probes(); probe++) {
            Optional<BrokerOrder> found;
            try {
                found = gateway.lookup(id.value());
            } catch (RuntimeException e) {
                found = Optional.empty();
            }
            if (found.isPresent()) return adopt(id, found.get());
            if (probe < lookupPolicy.probes()) pause(lookupPolicy.spacing());
        }
        if (provenPlaced) journal.setStatus(id, OrderStatus.WORKING, null, "already registered; listing not seen yet");
        return current(id);
    }

    private OrderStatus adopt(ClientOrderId id, BrokerOrder o) {
        JournalIntent intent = journal.find(id).orElseThrow();
        if (!sameOrder(intent, o)) {
            // a cOID this journal issued, on an order that is not what it sent: never take it as ours (issue 17.2)
            log.error("order {} at the broker ({} {} {} {}) does not match the intent ({} {} {}); NOT adopted, it stays {}",
                id, o.brokerOrderId(), o.side(), o.quantity().toPlainString(), o.instrument(), intent.draft().side(),
                intent.draft().quantity().toPlainString(), intent.draft().instrument(), intent.status());
            return intent.status();
        }
        OrderStatus target = o.status() == OrderStatus.UNKNOWN || o.status() == OrderStatus.NEW ? OrderStatus.WORKING : o.status();
        // fills make FILLED/PARTIALLY_FILLED; a listing alone moves us at most to WORKING or a terminal cancel/reject
        if (target == OrderStatus.FILLED || target == OrderStatus.PARTIALLY_FILLED) target = OrderStatus.WORKING;
        journal.setStatus(id, target, o.brokerOrderId(), "adopted after lookup by cOID");
        log.info("order {} found at the broker as {} ({})", id, o.brokerOrderId(), o.status());
        syncFills();
        return current(id);
    }

    /** Same instrument and side, and no more than the intent's quantity. */
    static boolean sameOrder(JournalIntent intent, BrokerOrder o) {
        return o.instrument().symbol().equals(intent.draft().instrument().symbol()) && o.side() == intent.draft().side()
            && o.quantity().compareTo(intent.draft().quantity()) <= 0;
    }

    /**
     * Fetches executions and applies ours exactly once (P2). Ours means: its cOID is an intent of this journal; an
     * execution of another journal or of a foreign order is never applied. Returns the fills that were new.
     */
    public synchronized java.util.List<Fill> syncFills() {
        java.util.List<Fill> added = new java.util.ArrayList<>();
        for (BrokerExecution x : gateway.executions()) {
            ClientOrderId id = ours(x);
            if (id == null) {
                if (ClientOrderIds.isOurs(journal.runnerId(), x.orderRef()))
                    log.error("execution {} names {} which is not in this journal; investigate", x.executionId(), x.orderRef());
                continue;
            }
            Fill f = new Fill(x.executionId(), id, x.instrument(), x.side(), x.quantity(), x.price(), x.commission(), x.timeMillis());
            if (journal.recordFill(f)) added.add(f);
        }
        return added;
    }

    /** Our intent behind an execution: by its cOID, or (a bracket child has none on the wire) by the broker's order id. */
    private ClientOrderId ours(BrokerExecution x) {
        if (journal.issued(x.orderRef())) return new ClientOrderId(x.orderRef());
        if (x.orderRef() != null && !x.orderRef().isBlank()) return null;
        return journal.findByBrokerOrderId(x.brokerOrderId()).filter(i -> i.draft().parentId() != null).map(JournalIntent::id).orElse(null);
    }

    private OrderStatus current(ClientOrderId id) { return journal.find(id).orElseThrow().status(); }

    private void pause(Duration d) {
        try {
            pauser.pause(d);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while resolving an UNKNOWN order; it stays UNKNOWN", e);
        }
    }

    /** Makes the journal draft once risk approved the quantity. */
    @FunctionalInterface
    public interface IntentDraftFactory {
        IntentDraft draft(BigDecimal quantity);
    }

    /** Lookup probes before "not found" counts: e.g. 3 probes 2 s apart (F13). */
    public record LookupPolicy(int probes, Duration spacing) {
        public LookupPolicy {
            if (probes < 1) throw new IllegalArgumentException("probes must be >= 1, was " + probes);
            Objects.requireNonNull(spacing, "spacing");
        }

        public static LookupPolicy defaults() { return new LookupPolicy(3, Duration.ofSeconds(2)); }
    }
}
