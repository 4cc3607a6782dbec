package io.ibex.backtest.sweep;

import io.ibex.backtest.stats.DeflatedSharpe;
import io.ibex.backtest.stats.Pbo;
import io.ibex.backtest.stats.PboResult;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * How much the best parameter set of a sweep is likely to be luck: the probability of backtest overfitting by CSCV
 * ({@link Pbo#cscv}) over the per-period returns of every set that ran, and the deflated Sharpe ratio
 * ({@link DeflatedSharpe}) of the best set by {@code --rank-by}, deflated for the number of sets tried.
 *
 * @param trials        parameter sets that ran (N)
 * @param periods       return periods per set (T)
 * @param barsPerPeriod bars compounded into one period (1 unless the series is long, see {@link PeriodReturns})
 * @param partitions    CSCV blocks S (16, or fewer for a short series), 0 when PBO was not computed
 * @param pbo           probability of backtest overfitting, NaN when not computed (see {@code note})
 * @param best          grid index of the best set, -1 when none ran
 * @param bestSharpe    per-period Sharpe ratio of the best set's period returns
 * @param trialSharpeVariance variance of the per-period Sharpe ratios of all sets
 * @param deflatedSharpe DSR of the best set, NaN when not computed
 * @param notes         why something was not computed; empty when everything was
 */
public record Overfitting(int trials, int periods, int barsPerPeriod, int partitions, double pbo, int best,
                          Map<String, String> bestParams, double bestSharpe, double trialSharpeVariance,
                          double deflatedSharpe, List<String> notes) {
    public static final int DEFAULT_PARTITIONS = 16;

    public Overfitting {
        bestParams = SweepRow.ordered(bestParams);
        notes = List.copyOf(notes);
    }

    public static Overfitting of(List<SweepRow> rows, RankBy rankBy, int barsPerPeriod) {
        List<SweepRow> ran = rows.stream().filter(SweepRow::ran).toList();
        List<String> notes = new ArrayList<>();
        int n = ran.size();
        int t = n == 0 ? 0 : ran.get(0).periodReturns().length;
        int bestPos = rankBy.best(ran);
        if (n == 0) {
            notes.add("no parameter set ran");
            return new Overfitting(0, 0, barsPerPeriod, 0, Double.NaN, -1, Map.of(), Double.NaN, Double.NaN, Double.NaN, notes);
        }
        double[][] byTrial = new double[n][];
        for (int i = 0; i < n; i++) byTrial[i] = ran.get(i).periodReturns();

        int s = partitions(t);
        double pbo = Double.NaN;
        if (n < 2) notes.add("PBO needs at least 2 parameter sets that ran, had " + n);
        else if (s == 0) notes.add("PBO needs at least 4 return periods, had " + t);
        else pbo = Pbo.cscv(transpose(byTrial, t), s).pbo();

        double[] sharpes = DeflatedSharpe.trialSharpes(byTrial);
        double variance = n >= 2 ? DeflatedSharpe.variance(sharpes) : 0;
        double dsr = Double.NaN;
        double[] bestReturns = byTrial[bestPos];
        if (t < 2) notes.add("the deflated Sharpe ratio needs at least 2 return periods, had " + t);
        else if (constant(bestReturns)) notes.add("the best set's returns never vary (no trades?): no deflated Sharpe ratio");
        else {
            try {
                dsr = DeflatedSharpe.deflatedSharpe(bestReturns, n, variance);
            } catch (IllegalArgumentException e) {
                notes.add("deflated Sharpe ratio not defined: " + e.getMessage());
            }
        }
        SweepRow best = ran.get(bestPos);
        return new Overfitting(n, t, barsPerPeriod, pbo == pbo ? s : 0, pbo, best.gridIndex(), best.params(),
            sharpes[bestPos], variance, dsr, notes);
    }

    /** S: 16, or the largest even number that leaves at least 2 periods per block; 0 when T < 4. */
    static int partitions(int periods) {
        int s = Math.min(DEFAULT_PARTITIONS, periods / 2);
        if (s % 2 == 1) s--;
        return s >= 2 ? s : 0;
    }

    private static boolean constant(double[] x) {
        for (double v : x) if (v != x[0]) return false;
        return true;
    }

    private static double[][] transpose(double[][] byTrial, int t) {
        double[][] out = new double[t][byTrial.length];
        for (int n = 0; n < byTrial.length; n++)
            for (int i = 0; i < t; i++) out[i][n] = byTrial[n][i];
        return out;
    }
}
