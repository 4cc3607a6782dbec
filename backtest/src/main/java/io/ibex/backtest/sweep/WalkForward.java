package io.ibex.backtest.sweep;

import io.ibex.backtest.BacktestResult;
import io.ibex.framework.domain.Bars;
import io.ibex.framework.error.ConfigException;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Rolling walk-forward: windows of {@code train} bars followed by {@code test} bars, stepping by {@code test}. On each
 * train window every parameter set runs (on the chosen engine) and the best by {@code --rank-by} is kept; it then runs
 * over train + test with orders dropped during the train bars (indicator warm-up), and only the test bars count. The
 * test segments are stitched into one out-of-sample equity curve starting at the initial cash.
 */
public final class WalkForward {
    /** {@code --walk-forward train=252,test=63}. */
    public record Spec(int train, int test) {
        public Spec {
            if (train < 2) throw new ConfigException("--walk-forward train must be at least 2 bars, was " + train);
            if (test < 1) throw new ConfigException("--walk-forward test must be at least 1 bar, was " + test);
        }

        public static Spec parse(String text) {
            Integer train = null, test = null;
            for (String part : text.split(",", -1)) {
                String[] kv = part.trim().split("=", -1);
                if (kv.length != 2) throw bad(text);
                int v;
                try {
                    v = Integer.parseInt(kv[1].trim());
                } catch (NumberFormatException e) {
                    throw bad(text);
                }
                switch (kv[0].trim()) {
                    case "train" -> train = v;
                    case "test" -> test = v;
                    default -> throw bad(text);
                }
            }
            if (train == null || test == null) throw bad(text);
            return new Spec(train, test);
        }

        /** Refuses data too short for one train + test window, so the mistake shows before the sweep runs. */
        public void checkFits(Bars bars) {
            if (train + test > bars.size())
                throw new ConfigException("--walk-forward train=" + train + ",test=" + test + " needs at least "
                    + (train + test) + " bars; " + bars.source() + " has " + bars.size());
        }

        private static ConfigException bad(String text) {
            return new ConfigException("--walk-forward '" + text + "': expected train=BARS,test=BARS, e.g. train=252,test=63");
        }
    }

    /** The windows and the stitched out-of-sample equity ({@code time[i]}, {@code equity[i]}). */
    public record Result(List<WalkForwardWindow> windows, long[] time, double[] equity) {
        public Result {
            windows = List.copyOf(windows);
        }

        public double oosReturn() { return equity.length == 0 ? 0 : equity[equity.length - 1] / equity[0] - 1; }
    }

    private WalkForward() {}

    public static Result run(SweepEngine engine, SweepEngine.Options options, SweepJob job, Bars bars, Spec spec,
                             RankBy rankBy, SweepProgress progress) {
        int n = bars.size();
        spec.checkFits(bars);
        double cash = job.settings().toConfig().initialCash().doubleValue();
        List<WalkForwardWindow> windows = new ArrayList<>();
        int windowsTotal = (n - spec.train()) / spec.test();
        long[] time = new long[windowsTotal * spec.test() + 1];
        double[] equity = new double[time.length];
        time[0] = bars.time(spec.train() - 1);
        equity[0] = cash;
        int k = 1;
        for (int w = 0; w < windowsTotal; w++) {
            int from = w * spec.test();
            int trainTo = from + spec.train();
            int testTo = trainTo + spec.test();
            List<SweepRow> rows = engine.run(job, bars.slice(from, trainTo), options, progress);
            int best = rankBy.best(rows);
            Map<String, String> params = best < 0 ? Map.of() : rows.get(best).params();
            double score = best < 0 ? Double.NaN : rankBy.value(rows.get(best));
            double start = equity[k - 1];
            if (best < 0) {
                for (int i = trainTo; i < testTo; i++, k++) {
                    time[k] = bars.time(i);
                    equity[k] = start;
                }
            } else {
                try (SweepTask task = new SweepTask(job, bars.slice(from, testTo))) {
                    BacktestResult r = task.runWithWarmUp(params, spec.train());
                    double[] eq = r.equity();
                    double base = eq[spec.train() - 1];
                    for (int i = spec.train(); i < eq.length; i++, k++) {
                        time[k] = bars.time(from + i);
                        equity[k] = start * (eq[i] / base);
                    }
                }
            }
            windows.add(new WalkForwardWindow(w + 1, from, trainTo, testTo, bars.time(from), bars.time(trainTo - 1),
                bars.time(trainTo), bars.time(testTo - 1), params, score, equity[k - 1] / start - 1));
        }
        return new Result(windows, time, equity);
    }
}
