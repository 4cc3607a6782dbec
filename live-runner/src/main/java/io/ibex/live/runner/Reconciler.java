package io.ibex.live.runner;

import io.ibex.framework.domain.ClientOrderId;
import io.ibex.framework.domain.Fill;
import io.ibex.framework.domain.Instrument;
import io.ibex.framework.domain.Position;
import io.ibex.framework.event.OrderStatus;
import io.ibex.live.journal.ClientOrderIds;
import io.ibex.live.journal.JournalIntent;
import io.ibex.live.journal.OrderJournal;
import io.ibex.live.risk.RiskGate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Journal vs broker, on start and after every reconnect (P2, P9). Order: fills first (so positions compare like with
 * like), then every unresolved intent, then live orders (ours updated, foreign adopted for exposure and never
 * cancelled), then positions (a mismatch freezes that instrument: cancel-only, and the user is told). Strategies
 * start only after {@link #reconcile} returns.
 */
public final class Reconciler {
    private static final Logger log = LoggerFactory.getLogger(Reconciler.class);
    static final String BASELINE_KEY = "baseline:";

    private final OrderJournal journal;
    private final OrderGateway gateway;
    private final OrderRouter router;
    private final ExposureBook exposure;
    private final RiskGate risk;

    public Reconciler(OrderJournal journal, OrderGateway gateway, OrderRouter router, ExposureBook exposure, RiskGate risk) {
        this.journal = journal;
        this.gateway = gateway;
        this.router = router;
        this.exposure = exposure;
        this.risk = risk;
    }

    /**
     * What reconciliation found: the fills it applied (new to the journal), intents resolved, foreign orders; {@code frozen}
     * instruments are cancel-only until an operator reconciles them.
     */
    public record Report(List<Fill> fills, int resolved, List<BrokerOrder> foreign, Set<Instrument> frozen, List<String> messages) {
        public int newFills() { return fills.size(); }
    }

    public Report reconcile(List<Instrument> instruments) {
        List<String> messages = new ArrayList<>();
        List<Fill> fills = router.syncFills();
        int resolved = 0;
        for (JournalIntent i : journal.openIntents()) {
            if (i.status() == OrderStatus.NEW && i.attempts() == 0) {
                journal.setStatus(i.id(), OrderStatus.CANCELLED, null, "never sent: the runner stopped between intent and send");
                resolved++;
            } else if (i.status() == OrderStatus.UNKNOWN || i.status() == OrderStatus.SUBMITTED) {
                OrderStatus s = router.resolve(i.id());
                messages.add("intent " + i.id() + " was unresolved; now " + s);
                resolved++;
            }
        }
        List<BrokerOrder> foreign = new ArrayList<>();
        for (BrokerOrder o : gateway.liveOrders()) {
            ClientOrderId child = childOf(o);
            if (journal.issued(o.orderRef()) || child != null) {
                ClientOrderId id = child != null ? child : new ClientOrderId(o.orderRef());
                if (o.status() == OrderStatus.CANCELLED || o.status() == OrderStatus.REJECTED)
                    journal.setStatus(id, o.status(), o.brokerOrderId(), "reconciled from live orders");
                else if (o.status() == OrderStatus.WORKING || o.status() == OrderStatus.PENDING_CANCEL)
                    journal.setStatus(id, o.status(), o.brokerOrderId(), "reconciled from live orders");
            } else if (ClientOrderIds.isOurs(journal.runnerId(), o.orderRef())) {
                messages.add("broker order " + o.brokerOrderId() + " carries this journal's runner id but is not in it");
            } else if (!o.status().isTerminal()) {
                foreign.add(o);
                messages.add("foreign order " + o.brokerOrderId() + " " + o.side() + " " + o.remaining().toPlainString() + " "
                    + o.instrument() + ": left alone, counted for exposure");
            }
        }
        exposure.setForeign(foreign);
        Set<Instrument> frozen = comparePositions(instruments, messages);
        for (String m : messages) log.warn("reconciliation: {}", m);
        log.info("reconciliation completed: {} new fills, {} intents resolved, {} foreign orders, frozen {}",
            fills.size(), resolved, foreign.size(), frozen);
        return new Report(List.copyOf(fills), resolved, List.copyOf(foreign), frozen, List.copyOf(messages));
    }

    /** One of our bracket children: it carries no cOID on the wire, the journal knows it by the broker's order id. */
    private ClientOrderId childOf(BrokerOrder o) {
        if (o.orderRef() != null && !o.orderRef().isBlank()) return null;
        return journal.findByBrokerOrderId(o.brokerOrderId()).filter(i -> i.draft().parentId() != null).map(JournalIntent::id)
            .orElse(null);
    }

    private Set<Instrument> comparePositions(List<Instrument> instruments, List<String> messages) {
        Map<String, BigDecimal> broker = new HashMap<>();
        for (Position p : gateway.positions()) broker.merge(p.instrument().symbol(), p.quantity(), BigDecimal::add);
        Set<Instrument> frozen = new HashSet<>();
        for (Instrument in : instruments) {
            String sym = in.symbol();
            BigDecimal actual = broker.getOrDefault(sym, BigDecimal.ZERO);
            String key = BASELINE_KEY + sym;
            if (journal.state(key).isEmpty()) {
                // first run on this journal: what the account already holds is the baseline, not a mismatch
                BigDecimal base = actual.subtract(journal.position(sym));
                journal.putState(key, base.toPlainString());
            }
            exposure.setBaseline(sym, new BigDecimal(journal.state(key).orElseThrow()));
            BigDecimal expected = exposure.position(in);
            if (expected.compareTo(actual) != 0) {
                risk.freeze(in);
                frozen.add(in);
                messages.add("position mismatch on " + sym + ": journal expects " + expected.toPlainString() + ", broker reports "
                    + actual.toPlainString() + "; " + sym + " is cancel-only until you reconcile it by hand");
            }
        }
        return frozen;
    }
}
