package io.ibex.cli.replay;

import io.ibex.framework.domain.Bars;
import io.ibex.live.market.BarBuilder;
import io.ibex.live.market.Quote;
import io.ibex.live.market.StalenessGuard;
import io.ibex.live.runner.LiveRunner;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * Replays recorded bar files through the live path at full speed on a manual clock: each bar becomes four snapshot
 * ticks (open, high, low, close) that go through a {@link BarBuilder} and the {@link StalenessGuard}; the builder
 * hands the closed bar to the runner (strategy, risk, journal, router). Fill semantics equal the backtest's default:
 * when the bars of a time open, first the fills of the previous time are delivered, then every series that had a bar
 * at the previous time closes it (its strategy decides), then the venue fills resting orders at the new open with zero
 * spread. Several series are served as the portfolio backtest serves them: aligned on time, in the order given, a
 * series with no bar at a time is not called, and every series is marked at its close before the first strategy
 * decides (sizing by equity sees them all). Orders still resting after the last bar are cancelled ("end of data").
 */
public final class ReplayDriver {
    public static final String END_OF_DATA = "end of data: no later bar to fill on";

    private ReplayDriver() {}

    /** One series. */
    public static void run(Bars bars, long barMillis, LiveRunner runner, ReplayFills venue, StalenessGuard guard, ReplayClock clock) {
        run(List.of(bars), barMillis, runner, venue, guard, clock);
    }

    /**
     * @param series in serving order, one instrument each, all of bar size {@code barMillis}
     * @param clock  the clock of risk, journal and staleness guard; it stands at a bar's last tick while the strategy
     *               decides on that bar, then moves to each tick's time
     */
    public static void run(List<Bars> series, long barMillis, LiveRunner runner, ReplayFills venue, StalenessGuard guard,
                           ReplayClock clock) {
        if (barMillis < 4) throw new IllegalArgumentException("replay needs bars of at least 4 ms, was " + barMillis);
        int m = series.size();
        BarBuilder[] builders = new BarBuilder[m];   // one per series, so that bars close in serving order
        for (int k = 0; k < m; k++) builders[k] = new BarBuilder(barMillis, runner);
        double[] cumVolume = new double[m];
        int[] next = new int[m];
        for (long t : unionTimes(series)) {
            runner.deliverFills();   // once per time, before the previous bars close
            for (BarBuilder b : builders) b.advanceTo(t);
            List<Integer> who = new ArrayList<>();
            List<ReplayFills.BarAt> opening = new ArrayList<>();
            for (int k = 0; k < m; k++)
                if (next[k] < series.get(k).size() && series.get(k).time(next[k]) == t) {
                    who.add(k);
                    opening.add(new ReplayFills.BarAt(series.get(k), next[k]++));
                }
            for (int k : who) tick(builders[k], guard, clock, series.get(k), next[k] - 1, Bars::open, cumVolume[k], t);
            venue.openBars(opening);
            for (int k : who) tick(builders[k], guard, clock, series.get(k), next[k] - 1, Bars::high, cumVolume[k], t + 1);
            for (int k : who) tick(builders[k], guard, clock, series.get(k), next[k] - 1, Bars::low, cumVolume[k], t + 2);
            for (int k : who) {
                cumVolume[k] += series.get(k).volume(next[k] - 1);
                tick(builders[k], guard, clock, series.get(k), next[k] - 1, Bars::close, cumVolume[k], t + barMillis - 1);
                runner.mark(series.get(k).instrument(), series.get(k).close(next[k] - 1));   // equity: every close before any decision
            }
        }
        long end = series.stream().mapToLong(b -> b.time(b.size() - 1)).max().orElseThrow() + barMillis;
        runner.deliverFills();   // the last open's fills reach the strategies before they decide on the last bars
        for (BarBuilder b : builders) b.advanceTo(end);
        runner.endOfData(END_OF_DATA);
    }

    private interface Price { double of(Bars bars, int i); }

    private static void tick(BarBuilder builder, StalenessGuard guard, ReplayClock clock, Bars bars, int i, Price price,
                             double cumVolume, long wallMillis) {
        Quote q = new Quote(bars.instrument(), price.of(bars, i), cumVolume, Set.of(), wallMillis * 1_000_000L);
        builder.onQuote(q, wallMillis);   // may close the previous bar: the strategy decides at that bar's close
        clock.set(wallMillis);
        guard.onQuote(q);
    }

    private static long[] unionTimes(List<Bars> series) {
        TreeSet<Long> times = new TreeSet<>();
        for (Bars b : series) for (int i = 0; i < b.size(); i++) times.add(b.time(i));
        return times.stream().mapToLong(Long::longValue).toArray();
    }
}
