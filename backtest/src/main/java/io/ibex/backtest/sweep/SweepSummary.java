package io.ibex.backtest.sweep;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/** The text {@code ibex sweep} prints for one source: counts, the top sets, overfitting, walk-forward, files. */
public final class SweepSummary {
    static final int TOP = 5;

    private SweepSummary() {}

    public static String render(SweepRequest req, SweepRun.Outcome o) {
        StringBuilder b = new StringBuilder();
        RankBy rank = req.rankBy();
        int ran = o.rows().size() - o.skipped();
        b.append("Sweep of ").append(req.job().settings().strategy()).append(" on ").append(o.source()).append(" (")
            .append(o.bars()).append(" bars): ").append(ran).append(" parameter sets run, ").append(o.skipped())
            .append(" skipped, ").append(o.elapsedMillis()).append(" ms\n");
        if (o.firstSkipReason() != null) b.append("  first skipped  ").append(o.firstSkipReason()).append('\n');
        List<SweepRow> top = new ArrayList<>(o.rows().stream().filter(r -> r.ran() && r.trades() >= req.minTrades()).toList());
        long few = o.rows().stream().filter(r -> r.ran() && r.trades() < req.minTrades()).count();
        Comparator<SweepRow> byRank = (x, y) -> rank.better(rank.value(x), rank.value(y)) ? -1
            : rank.better(rank.value(y), rank.value(x)) ? 1 : Integer.compare(x.gridIndex(), y.gridIndex());
        top.sort(byRank);
        b.append("  top by ").append(rank.column()).append(few == 0 ? "" : " (" + few + " set(s) with fewer than "
            + req.minTrades() + " trades not ranked; --min-trades 0 ranks them)").append(":\n");
        if (top.isEmpty()) b.append("    (no set made ").append(req.minTrades()).append(" trades)\n");
        for (SweepRow r : top.subList(0, Math.min(TOP, top.size())))
            b.append("    ").append(r.params()).append("  ").append(rank.column()).append('=').append(shown(rank.value(r)))
                .append("  total_return=").append(shown(r.totalReturn())).append("  trades=").append(r.trades()).append('\n');
        Overfitting f = o.overfitting();
        b.append("  PBO (CSCV, S=").append(f.partitions()).append(", ").append(f.periods()).append(" periods)  ")
            .append(shown(f.pbo())).append('\n');
        b.append("  deflated Sharpe of the best (").append(f.trials()).append(" trials)  ")
            .append(shown(f.deflatedSharpe())).append('\n');
        for (String n : f.notes()) b.append("  note: ").append(n).append('\n');
        if (o.walkForward() != null) {
            b.append("  walk-forward: ").append(o.walkForward().windows().size()).append(" windows, stitched out-of-sample return ")
                .append(shown(o.walkForward().oosReturn())).append('\n');
            for (WalkForwardWindow w : o.walkForward().windows())
                b.append("    #").append(w.window()).append(' ').append(WalkForwardCsv.iso(w.testStartMillis())).append(' ')
                    .append(w.params().isEmpty() ? "(no set ran: cash)" : w.params().toString()).append("  oos_return=")
                    .append(shown(w.oosReturn())).append('\n');
        }
        if (o.out() != null) b.append("  Report         ").append(o.out().toAbsolutePath().resolve("sweep.html")).append('\n');
        else b.append("  (add --out DIR for sweep.csv, sweep.html and overfitting.json)\n");
        return b.toString();
    }

    /** A ratio as in sweep.csv, or n/a when undefined (a Sharpe with no trades). */
    private static String shown(double v) { return Double.isFinite(v) ? SweepCsv.ratio(v) : "n/a"; }
}
