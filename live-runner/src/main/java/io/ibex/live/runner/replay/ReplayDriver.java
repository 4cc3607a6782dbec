package io.ibex.live.runner.replay;

import io.ibex.framework.domain.Bars;
import io.ibex.live.market.BarBuilder;
import io.ibex.live.market.Quote;
import io.ibex.live.market.StalenessGuard;
import io.ibex.live.runner.LiveRunner;

import java.util.Set;

/**
 * Replays a recorded bar file through the live path at full speed on a manual clock: each bar becomes four snapshot
 * ticks (open, high, low, close) that go through the {@link BarBuilder} and the {@link StalenessGuard}; the builder
 * hands the closed bar to the runner (strategy, risk, journal, router). Fill semantics equal the backtest's default:
 * when bar i+1's open tick arrives the builder first closes bar i (the strategy decides), then the venue fills resting
 * orders at that open with zero spread. Orders still resting after the last bar are cancelled ("end of data").
 */
public final class ReplayDriver {
    public static final String END_OF_DATA = "end of data: no later bar to fill on";

    private ReplayDriver() {}

    /**
     * @param clock the clock of risk, journal and staleness guard; it stands at bar i's last tick while the strategy
     *              decides on bar i, then moves to each tick's time
     */
    public static void run(Bars bars, long barMillis, LiveRunner runner, ReplayFills venue, StalenessGuard guard, ReplayClock clock) {
        if (barMillis < 4) throw new IllegalArgumentException("replay needs bars of at least 4 ms, was " + barMillis);
        BarBuilder builder = new BarBuilder(barMillis, runner);
        double cumVolume = 0;
        for (int i = 0; i < bars.size(); i++) {
            long t = bars.time(i);
            double o = bars.open(i), h = bars.high(i), l = bars.low(i), c = bars.close(i);
            runner.deliverFills();   // once per bar, before the open tick closes the previous bar
            tick(builder, guard, clock, new Quote(bars.instrument(), o, cumVolume, Set.of(), 0), t);
            venue.openBar(bars, i);
            tick(builder, guard, clock, new Quote(bars.instrument(), h, cumVolume, Set.of(), 0), t + 1);
            tick(builder, guard, clock, new Quote(bars.instrument(), l, cumVolume, Set.of(), 0), t + 2);
            cumVolume += bars.volume(i);
            tick(builder, guard, clock, new Quote(bars.instrument(), c, cumVolume, Set.of(), 0), t + barMillis - 1);
        }
        builder.advanceTo(bars.time(bars.size() - 1) + barMillis);
        runner.deliverFills();
        runner.endOfData(END_OF_DATA);
    }

    private static void tick(BarBuilder builder, StalenessGuard guard, ReplayClock clock, Quote q, long wallMillis) {
        Quote stamped = new Quote(q.instrument(), q.last(), q.cumulativeVolume(), q.flags(), wallMillis * 1_000_000L);
        builder.onQuote(stamped, wallMillis);   // may close the previous bar: the strategy decides at that bar's close
        clock.set(wallMillis);
        guard.onQuote(stamped);
    }
}
