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
import java.util.LinkedHashMap;
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
    private final Map<Instrument, StrategyHost> hosts;
    private final List<Instrument> instruments;
    private final long barMillis;
    private final Map<Instrument, RingBarWindow> windows = new HashMap<>();
    private final BrokerStatuses statuses;
    private volatile boolean ready;
    private int droppedBars;
    private boolean cancelledAfterFailure;

    /** One instrument, one strategy instance. */
    public LiveRunner(OrderJournal journal, OrderRouter router, Reconciler reconciler, OrderGateway gateway, LiveContext ctx,
                      StrategyHost host, List<Instrument> instruments, long barMillis) {
        this(journal, router, reconciler, gateway, ctx, single(host, instruments), barMillis);
    }

    /**
     * @param hosts one strategy instance per instrument, in serving order (as the portfolio backtest gives each symbol
     *              its own instance: a strategy's indicators must never see two instruments' bars)
     */
    public LiveRunner(OrderJournal journal, OrderRouter router, Reconciler reconciler, OrderGateway gateway, LiveContext ctx,
                      Map<Instrument, StrategyHost> hosts, long barMillis) {
        if (barMillis <= 0) throw new IllegalArgumentException("bar size must be positive, was " + barMillis + " ms");
        if (hosts.isEmpty()) throw new IllegalArgumentException("a live run needs at least one instrument");
        this.barMillis = barMillis;
        this.journal = journal;
        this.router = router;
        this.reconciler = reconciler;
        this.gateway = gateway;
        this.ctx = ctx;
        this.hosts = new LinkedHashMap<>(hosts);
        this.instruments = List.copyOf(hosts.keySet());
        hosts.forEach((in, h) -> windows.put(in, new RingBarWindow(in, h.lookback())));
        this.statuses = new BrokerStatuses(journal, gateway, ctx::now, router.clock());
    }

    private static Map<Instrument, StrategyHost> single(StrategyHost host, List<Instrument> instruments) {
        if (instruments.size() != 1)
            throw new IllegalArgumentException("one strategy instance serves one instrument; give one host per instrument");
        return Map.of(instruments.get(0), host);
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
        List<JournalIntent> open = journal.openIntents();
        Reconciler.Report r = start();
        for (Fill f : r.fills()) ctx.logFill(f);
        for (JournalIntent before : open) {   // cancels and rejections the reconciliation found (expiry, OCA) reach the strategy too
            JournalIntent now = journal.find(before.id()).orElseThrow();
            if (now.status() == OrderStatus.CANCELLED || now.status() == OrderStatus.REJECTED)
                ctx.logVenueChange(new BrokerStatuses.Change(now, now.status(), ctx.now(), "reconciled: " + now.status().name().toLowerCase()));
        }
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
        if (!hosts.get(instrument).onBar(w, ctx)) cancelAfterFailure();
        deliverEvents();
    }

    /**
     * Values {@code instrument} at {@code price} in the equity the strategies size against, before its bar closes: a
     * portfolio replay marks every series at the close of a time before any strategy decides on it, as the portfolio
     * backtest does.
     */
    public void mark(Instrument instrument, double price) { ctx.mark(instrument, price); }

    /**
     * Feeds history bars (oldest first) so indicators are warm before the first live bar. The strategy sees them through
     * a context that sends nothing: an order it places while warming up is dropped and counted, never routed.
     * Returns how many orders were dropped.
     */
    public int warmUp(io.ibex.framework.domain.Bars history) {
        RingBarWindow w = windows.get(history.instrument());
        if (w == null) return 0;
        StrategyHost host = hosts.get(history.instrument());
        WarmUpContext warm = new WarmUpContext(ctx);
        for (int i = 0; i < history.size(); i++) {
            w.append(history.time(i), history.open(i), history.high(i), history.low(i), history.close(i), history.volume(i));
            warm.moveTo(history.closeTime(i));
            host.onBar(w, warm);
        }
        log.info("warmed up {} with {} history bars ({} orders dropped)", history.instrument(), history.size(), warm.dropped());
        return warm.dropped();
    }

    /**
     * Applies new executions once each, then what the venue did on its own to our working orders (expiry, OCA cancels,
     * confirmed cancels), and tells the strategy: fills first, then those changes in journal order.
     */
    public void deliverFills() {
        boolean groupFilled = false;
        for (Fill f : router.syncFills()) {
            ctx.logFill(f);
            groupFilled |= journal.find(f.orderId()).map(i -> i.draft().ocaGroup() != null || i.draft().parentId() != null
                || journal.openIntents().stream().anyMatch(o -> f.orderId().equals(o.draft().parentId()))).orElse(false);
        }
        for (BrokerStatuses.Change c : statuses.sync(groupFilled)) ctx.logVenueChange(c);
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

    /**
     * Hands each queued event, oldest first, to the strategy instance of its order's instrument; events its handlers
     * cause are delivered in the same call.
     */
    private void deliverEvents() {
        for (List<OrderEvent> batch = ctx.drainEvents(); !batch.isEmpty(); batch = ctx.drainEvents())
            for (OrderEvent e : batch) {
                StrategyHost h = hosts.get(ctx.instrumentOf(e.orderId()));
                if (h != null && !h.onOrderEvent(e, ctx)) cancelAfterFailure();
            }
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

    /** True once any of the run's strategy instances is FAILED (the run then stops: exit 5). */
    public boolean failed() { return failure() != null; }

    /** The first FAILED instance's reason ({@link StrategyHost#failure()}), or null. */
    public String failure() {
        for (StrategyHost h : hosts.values()) if (h.failed()) return h.failure();
        return null;
    }
}
