package io.ibex.live.runner;

import io.ibex.framework.domain.Side;
import io.ibex.framework.domain.TimeInForce;
import io.ibex.framework.strategy.BarWindow;
import io.ibex.framework.strategy.Strategy;
import io.ibex.framework.strategy.StrategyContext;
import io.ibex.sim.PacingMode;
import io.ibex.sim.Route;
import io.ibex.sim.SimClock;
import io.ibex.sim.SimInstrument;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The live loop under faults injected through the simulator (issue 17.3) and under the gateway's real pacing
 * (issue 17.7 / 13.3), on one virtual time ({@link LoopFixture}).
 */
class LiveLoopFaultsTest {
    static final Route ORDERS = Route.get("/iserver/account/orders");
    static final Route SNAPSHOT = Route.get("/iserver/marketdata/snapshot");
    static final Route TRADES = Route.get("/iserver/account/trades");

    @TempDir Path dir;

    /** Records when each bar reached it (virtual time); rests one limit buy on its first bar. */
    static final class Recorder implements Strategy {
        final List<Long> arrivals = new ArrayList<>();
        SimClock clock;

        @Override public void onBar(BarWindow w, StrategyContext c) {
            arrivals.add(clock.millis());
            if (arrivals.size() == 1) c.limit(w.instrument(), Side.BUY, 1, 96, TimeInForce.DAY);
        }
    }

    /** Buys one on a bar when flat, sells it on the next: an order per symbol per bar. */
    static final class Flipper implements Strategy {
        @Override public void onBar(BarWindow w, StrategyContext c) {
            if (c.position(w.instrument()) == 0) c.buy(w.instrument(), 1);
            else c.sell(w.instrument(), 1);
        }
    }

    @Test
    void aFailingReconciliationAfterAReconnectKeepsBarsAndOrdersOutRetriesWithBackOffAlertsAndNeverEndsTheRunner() {
        Recorder strategy = new Recorder();
        try (LoopFixture f = new LoopFixture(dir, PacingMode.ENFORCE, List.of(SimInstrument.aapl()), () -> strategy)) {
            strategy.clock = f.time;
            f.run(Duration.ofSeconds(90));
            assertThat(strategy.arrivals).hasSize(1);
            assertThat(f.journal.openIntents()).hasSize(1);

            // the black-box run of issue 17.3: one malformed snapshot, then null order listings (here 6 of them)
            f.sim.faults().on(SNAPSHOT).times(1).respond(200, "{\"conid\":265598,");
            f.sim.faults().on(ORDERS).times(6).respond(200, "null");
            long faultsAt = f.time.millis();
            f.run(Duration.ofSeconds(30));                              // never throws: the runner stays up
            assertThat(f.alerts).isNotEmpty().allSatisfy(a -> assertThat(a).startsWith("reconciliation failed (attempt "));
            assertThat(f.loop.connected()).isFalse();
            assertThat(f.loop.reconcileNote()).startsWith("reconciliation FAILED");

            f.run(Duration.ofMinutes(3));
            assertThat(f.alerts).hasSize(6);
            assertThat(f.alerts.get(5)).contains("attempt 6").contains("GatewayProtocolException").contains("next attempt in 32 s");
            assertThat(f.notices).containsExactly("reconciliation succeeded after 6 failed attempt(s); trading resumes");
            assertThat(f.loop.connected()).isTrue();
            // back-off 1+2+4+8+16+32 s: no bar reached the strategy between the fault and the good reconciliation
            long resumed = faultsAt + 63_000;
            assertThat(strategy.arrivals).filteredOn(t -> t > faultsAt && t < resumed).isEmpty();
            assertThat(strategy.arrivals).filteredOn(t -> t >= resumed).isNotEmpty();
            assertThat(f.runner.droppedBars()).isZero();
            assertThat(f.sim.journal().count(ORDERS)).isLessThan(20);  // retried with back-off, not hammered
        }
    }

    /** 8 symbols for 10 min here; {@code -Ptorture} runs issue 13's demand: 20 symbols for an hour of simulated time. */
    static final int SYMBOLS = Integer.getInteger("pacing.symbols", 8);
    static final int MINUTES = Integer.getInteger("pacing.minutes", 10);

    @Test
    void manySymbolsClosingTogetherNeverWaitBehindTheTradesPacingSoNoSignalIsDeniedAsStale() {
        List<SimInstrument> listed = new ArrayList<>();
        for (int i = 0; i < SYMBOLS; i++) listed.add(SimInstrument.stock(900_001 + i, "SYM" + i, "TEST " + i, "NASDAQ"));
        try (LoopFixture f = new LoopFixture(dir, PacingMode.ENFORCE, listed, Flipper::new)) {
            long trades = f.sim.journal().count(TRADES);
            int idle = f.run(Duration.ofMinutes(MINUTES));
            assertThat(f.denials()).as("risk denials").isEmpty();      // before issue 17.7: STALE_DATA, then a false disconnect
            assertThat(f.journal.intents()).hasSizeGreaterThanOrEqualTo(SYMBOLS * (MINUTES - 1));
            assertThat(f.journal.fills()).hasSizeGreaterThanOrEqualTo(SYMBOLS * (MINUTES - 2));
            assertThat(idle).as("passes that did not poll (a false disconnect)").isZero();
            assertThat(f.alerts).isEmpty();
            assertThat(f.sim.pacingViolations()).isEmpty();
            assertThat(f.sim.journal().countStatus(429)).isZero();
            // executions at most once per pass and never faster than the 1-per-5 s limit: 12 a minute, plus the first
            long fetched = f.sim.journal().count(TRADES) - trades;
            assertThat(fetched).isBetween(MINUTES * 10L, MINUTES * 12L + 1);
            System.out.printf("pacing: %d symbols, %d min of simulated time: %d intents, %d fills, %d trades fetches,"
                + " 0 denials, 0 idle passes, 0 pacing violations, 0 HTTP 429%n", SYMBOLS, MINUTES, f.journal.intents().size(),
                f.journal.fills().size(), fetched);
        }
    }
}
