package io.ibex.live.runner;

import io.ibex.framework.domain.Fill;
import io.ibex.framework.domain.Instrument;
import io.ibex.framework.event.OrderEvent;
import io.ibex.framework.event.OrderStatus;
import io.ibex.framework.port.MarketData;
import io.ibex.live.journal.JournalIntent;
import io.ibex.live.journal.OrderJournal;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * One strategy over closed bars of some instruments. {@link #start} reconciles first (P9): no bar reaches the strategy
 * before it returns. Once per loop pass (not per bar, issue 13.3) the loop fetches and applies new fills, delivered to the
 * strategy as events; per closed bar the runner appends the bar, calls the strategy, then tells it the events its orders
 * caused (after {@code onBar} returns, never inside it, in the order the backtest delivers them). A bar can reach it only
 * after reconciliation. A FAILED strategy's working orders are cancelled once.
 */
public final class LiveRunner implements MarketData.BarListener {
    private static final Logger log = LoggerFactory.getLogger(LiveRunner.class);

    private final OrderJournal journal;
    private final OrderRouter router;
    private final Reconciler reconciler;
    private final OrderGateway gateway;
    private final LiveContext ctx;
    private final StrategyHost host;
    private final List<Instrument> instruments;
    private final long barMillis;
    private final Map<Instrument, RingBarWindow> windows = new HashMap<>();
    private volatile boolean ready;
    private int droppedBars;
    private boolean cancelledAfterFailure;

    public LiveRunner(OrderJournal journal, OrderRouter router, Reconciler reconciler, OrderGateway gateway, LiveContext ctx,
                      StrategyHost host, List<Instrument> instruments, long barMillis) {
        if (barMillis <= 0) throw new IllegalArgumentException("bar size must be positive, was " + barMillis + " ms");
        this.barMillis = barMillis;
        this.journal = journal;
        this.router = router;
        this.reconciler = reconciler;
        this.gateway = gateway;
        this.ctx = ctx;
        this.host = host;
        this.instruments = List.copyOf(instruments);
        for (Instrument in : instruments) windows.put(in, new RingBarWindow(in, host.lookback()));
    }

    public Reconciler.Report start() {
        ready = false;
        Reconciler.Report r = reconciler.reconcile(instruments);
        ready = true;
        return r;
    }

    public boolean ready() { return ready; }

    /** Bars that arrived before reconciliation completed and were dropped (0 unless the loop misbehaves). */
    public int droppedBars() { return droppedBars; }

    /**
     * Call after every reconnect: strategies pause until the books agree again. Fills that happened while disconnected
     * (applied to the journal by the reconciliation, once each) are then told to the strategy, before its next bar.
     */
    public Reconciler.Report reconnected() {
        Reconciler.Report r = start();
        for (Fill f : r.fills()) ctx.logFill(f);
        deliverEvents();
        return r;
    }

    /** A closed bar labelled by its open time; the strategy decides at its close, {@code timeMillis + barMillis - 1}. */
    @Override
    public void onBar(Instrument instrument, long timeMillis, double open, double high, double low, double close, double volume) {
        if (!ready) {
            // the loop never polls while a reconciliation is due; should a bar arrive anyway, it is dropped, never traded on (P9)
            droppedBars++;
            log.error("bar of {} at {} dropped: reconciliation has not completed", instrument, timeMillis);
            return;
        }
        RingBarWindow w = windows.get(instrument);
        if (w == null) return;
        w.append(timeMillis, open, high, low, close, volume);
        ctx.moveTo(instrument, timeMillis + barMillis - 1, close);
        if (!host.onBar(w, ctx)) cancelAfterFailure();
        deliverEvents();
    }

    /**
     * Feeds history bars (oldest first) so indicators are warm before the first live bar. The strategy sees them through
     * a context that sends nothing: an order it places while warming up is dropped and counted, never routed.
     * Returns how many orders were dropped.
     */
    public int warmUp(io.ibex.framework.domain.Bars history) {
        RingBarWindow w = windows.get(history.instrument());
        if (w == null) return 0;
        WarmUpContext warm = new WarmUpContext(ctx);
        for (int i = 0; i < history.size(); i++) {
            w.append(history.time(i), history.open(i), history.high(i), history.low(i), history.close(i), history.volume(i));
            warm.moveTo(history.closeTime(i));
            host.onBar(w, warm);
        }
        log.info("warmed up {} with {} history bars ({} orders dropped)", history.instrument(), history.size(), warm.dropped());
        return warm.dropped();
    }

    /** Applies new executions once each and tells the strategy. */
    public void deliverFills() {
        for (Fill f : router.syncFills()) ctx.logFill(f);
        deliverEvents();
    }

    /**
     * {@link #deliverFills} when the executions endpoint can be called without waiting on its pacing; otherwise nothing
     * this pass (the next pass fetches them), so market data never waits behind it. True when it fetched.
     */
    public boolean deliverFillsIfReady() {
        if (!gateway.executionsReady()) return false;
        deliverFills();
        return true;
    }

    /** Hands the strategy the queued events, oldest first; events its handlers cause are delivered in the same call. */
    private void deliverEvents() {
        for (List<OrderEvent> batch = ctx.drainEvents(); !batch.isEmpty(); batch = ctx.drainEvents())
            for (OrderEvent e : batch) if (!host.onOrderEvent(e, ctx)) cancelAfterFailure();
    }

    private void cancelAfterFailure() {
        if (cancelledAfterFailure) return;
        cancelledAfterFailure = true;
        for (JournalIntent i : journal.openIntents()) {
            if (i.brokerOrderId() == null) continue;
            journal.setStatus(i.id(), OrderStatus.PENDING_CANCEL, null, "strategy FAILED: cancelling its working orders");
            gateway.cancel(i.brokerOrderId());
            log.warn("cancel requested for {} (strategy FAILED)", i.id());
        }
    }

    /** Orders still open when a replay ends are cancelled, like the backtest's "end of data". */
    public void endOfData(String note) {
        for (JournalIntent i : journal.openIntents()) {
            journal.setStatus(i.id(), OrderStatus.CANCELLED, null, note);
            ctx.logCancelled(i, note);
        }
        deliverEvents();
    }

    public LiveContext context() { return ctx; }

    public StrategyHost host() { return host; }
}
