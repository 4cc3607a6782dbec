package io.ibex.sim;

import io.ibex.framework.domain.Bars;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.random.RandomGenerator;
import java.util.random.RandomGeneratorFactory;

/**
 * The market path of one instrument: a time-ordered list of ticks. Absolute scripts carry epoch-ms times; relative
 * ones (random walk, replay) carry offsets from the simulator's start time, and a looping script wraps around.
 */
public final class PriceScript {
    final List<Tick> ticks;
    final boolean relative;
    final boolean loop;
    /** Bars the script came from, served natively by history; null for tick scripts. */
    final Bars bars;

    private PriceScript(List<Tick> ticks, boolean relative, boolean loop, Bars bars) {
        if (ticks.isEmpty()) throw new IllegalArgumentException("a price script needs at least one tick");
        this.ticks = List.copyOf(ticks);
        this.relative = relative;
        this.loop = loop;
        this.bars = bars;
    }

    public static PriceScript ticks(List<Tick> ticks) { return new PriceScript(ticks, false, false, null); }

    /**
     * Ticks from CSV lines {@code at_iso,last,bid,ask,bidSize,askSize,lastSize,cumVolume}; a header line is skipped.
     * A bad line fails with {@code file:line reason}.
     */
    public static PriceScript csv(Path file) {
        List<String> lines;
        try {
            lines = Files.readAllLines(file);
        } catch (IOException e) {
            throw new IllegalArgumentException(file + ": cannot read tick file (" + e.getMessage() + ")", e);
        }
        List<Tick> out = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            String l = lines.get(i).trim();
            if (l.isEmpty() || (i == 0 && l.startsWith("at"))) continue;
            String[] f = l.split(",");
            try {
                if (f.length != 8) throw new IllegalArgumentException("expected 8 fields, found " + f.length);
                Tick t = new Tick(Instant.parse(f[0].trim()).toEpochMilli(), d(f[1]), d(f[2]), d(f[3]), n(f[4]), n(f[5]),
                    n(f[6]), n(f[7]));
                if (!out.isEmpty() && t.atMillis() < out.get(out.size() - 1).atMillis())
                    throw new IllegalArgumentException("tick time goes back");
                out.add(t);
            } catch (RuntimeException e) {
                throw new IllegalArgumentException(file + ":" + (i + 1) + " " + e.getMessage(), e);
            }
        }
        return ticks(out);
    }

    /** Recorded bars at their own times: four ticks per bar, o→h→l→c (o→l→h→c for a down bar), spread 2 ticks. */
    public static PriceScript bars(Bars bars) { return new PriceScript(expand(bars, 0, -1), false, false, bars); }

    /**
     * Recorded bars for a step-driven replay: four ticks per bar at the bar's own time (open at {@code t}, high at t+1,
     * low at t+2, close at the bar's last millisecond), unrounded, with bid = ask = last (zero spread), so a market order
     * matched on a bar's first tick fills exactly at its open, as in the backtest.
     */
    public static PriceScript replay(Bars bars) {
        Objects.requireNonNull(bars, "bars");
        long barLen = inferBarLength(bars);
        if (barLen < 4) throw new IllegalArgumentException("a replay needs bars at least 4 ms apart, found " + barLen + " ms");
        List<Tick> out = new ArrayList<>(bars.size() * 4);
        long vol = 0;
        for (int i = 0; i < bars.size(); i++) {
            long t = bars.time(i);
            long size = Math.max(1, Math.round(bars.volume(i) / 4));
            double[] path = {bars.open(i), bars.high(i), bars.low(i), bars.close(i)};
            long[] at = {t, t + 1, t + 2, t + barLen - 1};
            for (int k = 0; k < 4; k++) {
                vol += size;
                out.add(new Tick(at[k], path[k], path[k], path[k], 100, 100, size, vol));
            }
        }
        return new PriceScript(out, false, false, bars);
    }

    /**
     * Recorded bars replayed from the simulator's start time, one tick every {@code perTick}, looping when the file
     * ends (how {@code ibex gateway-sim} prices the shipped sample data).
     */
    public static PriceScript replay(Bars bars, Duration perTick) {
        return new PriceScript(expand(bars, 0, perTick.toMillis()), true, true, bars);
    }

    /** A seeded random walk starting at {@code start}, one tick per second from the simulator's start time. */
    public static PriceScript randomWalk(long seed, double start, double stepBps) {
        return randomWalk(seed, start, stepBps, 20_000, Duration.ofSeconds(1));
    }

    public static PriceScript randomWalk(long seed, double start, double stepBps, int count, Duration every) {
        RandomGenerator r = RandomGeneratorFactory.of("L64X128MixRandom").create(seed);
        List<Tick> out = new ArrayList<>(count);
        double p = start;
        long vol = 0;
        for (int i = 0; i < count; i++) {
            if (i > 0) p = Math.max(0.01, p * (1 + (r.nextBoolean() ? stepBps : -stepBps) / 10_000.0));
            double last = round2(p);
            long size = 100L * (1 + r.nextInt(9));
            vol += size;
            out.add(new Tick(i * every.toMillis(), last, round2(last - 0.01), round2(last + 0.01),
                100L * (1 + r.nextInt(20)), 100L * (1 + r.nextInt(20)), size, vol));
        }
        return new PriceScript(out, true, false, null);
    }

    /** A flat market, handy in tests: one tick at {@code last} with bid/ask one cent either side. */
    public static PriceScript constant(double last) {
        return new PriceScript(List.of(new Tick(0, last, round2(last - 0.01), round2(last + 0.01), 500, 700, 100, 1_000)),
            true, false, null);
    }

    /** Number of ticks (step mode can move the cursor to 0..size()-1). */
    public int size() { return ticks.size(); }

    static List<Tick> expand(Bars bars, long tickOffset, long perTickMillis) {
        Objects.requireNonNull(bars, "bars");
        int n = bars.size();
        long barLen = perTickMillis > 0 ? 4 * perTickMillis : inferBarLength(bars);
        List<Tick> out = new ArrayList<>(n * 4);
        long vol = 0;
        for (int i = 0; i < n; i++) {
            double o = bars.open(i), h = bars.high(i), l = bars.low(i), c = bars.close(i);
            double[] path = c >= o ? new double[] {o, h, l, c} : new double[] {o, l, h, c};
            long t0 = perTickMillis > 0 ? tickOffset + (long) i * 4 * perTickMillis : bars.time(i);
            long size = Math.max(1, Math.round(bars.volume(i) / 4));
            for (int k = 0; k < 4; k++) {
                vol += size;
                double last = round2(path[k]);
                long bidSize = 100L * (1 + (i * 7 + k) % 13), askSize = 100L * (1 + (i * 5 + k * 3) % 11);
                out.add(new Tick(t0 + k * barLen / 4, last, round2(last - 0.01), round2(last + 0.01), bidSize, askSize,
                    100L * (1 + (i + k) % 5), vol));
            }
        }
        return out;
    }

    private static long inferBarLength(Bars bars) {
        long best = Long.MAX_VALUE;
        for (int i = 1; i < bars.size(); i++) best = Math.min(best, bars.time(i) - bars.time(i - 1));
        return best == Long.MAX_VALUE ? 60_000 : best;
    }

    static double round2(double v) { return Math.round(v * 100.0) / 100.0; }

    private static double d(String s) { return Double.parseDouble(s.trim()); }

    private static long n(String s) { return Long.parseLong(s.trim()); }
}
