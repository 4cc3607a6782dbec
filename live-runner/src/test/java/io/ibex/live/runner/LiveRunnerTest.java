package io.ibex.live.runner;

import io.ibex.framework.domain.Side;
import io.ibex.framework.event.OrderStatus;
import io.ibex.framework.strategy.BarWindow;
import io.ibex.framework.strategy.Strategy;
import io.ibex.framework.strategy.StrategyContext;
import io.ibex.live.market.Quote;
import io.ibex.live.market.StalenessGuard;
import io.ibex.live.testing.Checker;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;

import static org.assertj.core.api.Assertions.assertThat;

class LiveRunnerTest {
    @TempDir Path dir;
    RouterFixture fx;
    final AtomicLong mono = new AtomicLong(1_000_000_000L);
    StalenessGuard guard;

    @BeforeEach void open() {
        fx = RouterFixture.fresh(dir);
        guard = new StalenessGuard(5_000, mono::get);
    }

    @AfterEach void close() {
        assertThat(Checker.check(fx.journal, fx.venue)).isEmpty();
        fx.close();
    }

    LiveRunner runner(Strategy s) {
        LiveContext ctx = new LiveContext(fx.journal, fx.router, fx.exposure, guard, fx.venue,
            new LiveContext.StrategyStamp("test", "7", "abc123"), new io.ibex.framework.strategy.Sizing.FixedQuantity(BigDecimal.ONE), new BigDecimal("100000"));
        return new LiveRunner(fx.journal, fx.router, fx.reconciler, fx.venue, ctx, new StrategyHost("test", s), List.of(RouterFixture.AAPL),
            60_000);
    }

    void quote(double last) { guard.onQuote(new Quote(RouterFixture.AAPL, last, Double.NaN, Set.of(), mono.get())); }

    @Test
    void noBarReachesTheStrategyBeforeReconciliation() {
        List<Long> seen = new ArrayList<>();
        LiveRunner r = runner((w, c) -> seen.add(w.time(0)));
        r.onBar(RouterFixture.AAPL, 0, 1, 1, 1, 1, 0);                // dropped, never traded on, never a crash
        assertThat(seen).isEmpty();
        assertThat(r.droppedBars()).isEqualTo(1);
        r.start();
        r.onBar(RouterFixture.AAPL, 1, 1, 1, 1, 1, 0);
        assertThat(seen).containsExactly(1L);
    }

    @Test
    void aStrategyThatThrowsThreeTimesInARowIsFailedAndItsWorkingOrdersAreCancelled() {
        List<Long> calls = new ArrayList<>();
        LiveRunner r = runner(new Strategy() {
            @Override public void onBar(BarWindow w, StrategyContext c) {
                calls.add(w.time(0));
                if (calls.size() == 1) { c.buy(w.instrument(), 5); return; }
                throw new IllegalStateException("boom " + calls.size());
            }
        });
        r.start();
        quote(100);
        for (int t = 0; t < 6; t++) r.onBar(RouterFixture.AAPL, t, 100, 100, 100, 100, 0);
        assertThat(calls).hasSize(4);   // one good call, three failures, then never again
        assertThat(r.host().failed()).isTrue();
        JournalAssert.onlyIntent(fx).satisfies(i -> {
            assertThat(i.status()).isEqualTo(OrderStatus.PENDING_CANCEL);
            assertThat(i.draft().strategy()).isEqualTo("test");
            assertThat(i.draft().strategyVersion()).isEqualTo("7");
            assertThat(i.draft().strategySha256()).isEqualTo("abc123");
        });
        assertThat(fx.venue.ourOrders()).extracting(BrokerOrder::status).containsExactly(OrderStatus.CANCELLED);
    }

    @Test
    void staleDataMeansNoOrderOnTheWire() {
        LiveRunner r = runner((w, c) -> c.buy(w.instrument(), 1));
        r.start();
        quote(100);
        mono.addAndGet(6_000_000_000L);   // 6 s without a snapshot
        r.onBar(RouterFixture.AAPL, 0, 100, 100, 100, 100, 0);
        assertThat(fx.venue.liveOrders()).isEmpty();
        assertThat(r.context().orderLog()).singleElement().satisfies(row -> {
            assertThat(row.event()).isEqualTo("rejected");
            assertThat(row.note()).startsWith("STALE_DATA");
        });
    }

    @Test
    void fillsReachTheStrategyOnceAndMoveItsPosition() {
        List<String> events = new ArrayList<>();
        LiveRunner r = runner(new Strategy() {
            @Override public void onBar(BarWindow w, StrategyContext c) { if (c.position(w.instrument()) == 0) c.buy(w.instrument(), 2); }
            @Override public void onOrderEvent(io.ibex.framework.event.OrderEvent e, StrategyContext c) { events.add(e.getClass().getSimpleName()); }
        });
        r.start();
        quote(100);
        r.onBar(RouterFixture.AAPL, 0, 100, 100, 100, 100, 0);
        String coid = fx.journal.intents().get(0).id().value();
        fx.venue.fill(coid, new BigDecimal("2"), new BigDecimal("100.5"), 1);
        r.deliverFills();                                              // once per loop pass
        r.onBar(RouterFixture.AAPL, 1, 100, 100, 100, 100, 0);
        r.deliverFills();
        r.onBar(RouterFixture.AAPL, 2, 100, 100, 100, 100, 0);
        assertThat(events).as("as in the backtest: submitted and accepted after onBar, the fill once").containsExactly(
            "Submitted", "Accepted", "Filled");
        assertThat(r.context().position(RouterFixture.AAPL)).isEqualTo(2.0);
        assertThat(fx.journal.intents()).hasSize(1);
        assertThat(r.context().cash()).isEqualTo(100000 - 201.0);
        assertThat(Side.BUY).isEqualTo(fx.journal.intents().get(0).draft().side());
    }

    @Test
    void historyWarmsTheWindowUpButItsOrdersNeverLeave() {
        List<Integer> sizes = new ArrayList<>();
        LiveRunner r = runner(new Strategy() {
            @Override public int lookback() { return 3; }
            @Override public void onBar(BarWindow w, StrategyContext c) { sizes.add(w.size()); c.buy(w.instrument(), 1); }
        });
        r.start();
        io.ibex.framework.domain.Bars history = io.ibex.framework.domain.Bars.builder(RouterFixture.AAPL, "history")
            .add(1, 10, 10, 10, 10, 0).add(2, 11, 11, 11, 11, 0).add(3, 12, 12, 12, 12, 0).add(4, 13, 13, 13, 13, 0).build();
        assertThat(r.warmUp(history)).isEqualTo(4);
        assertThat(sizes).containsExactly(1, 2, 3, 3);
        assertThat(fx.journal.intents()).isEmpty();
        assertThat(fx.venue.liveOrders()).isEmpty();
    }
}
