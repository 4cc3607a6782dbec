package io.ibex.backtest.sweep;

import java.time.Instant;
import java.util.List;

/**
 * {@code walk-forward.csv} ({@code window,train_start,train_end,test_start,test_end,<params>,train_score,oos_return})
 * and {@code walk-forward-equity.csv} ({@code time,equity}: the stitched out-of-sample curve). Times ISO-8601 UTC.
 */
final class WalkForwardCsv {
    private WalkForwardCsv() {}

    static String windows(List<String> names, WalkForward.Result r) {
        StringBuilder b = new StringBuilder("window,train_start,train_end,test_start,test_end,");
        for (String n : names) b.append(n).append(',');
        b.append("train_score,oos_return\n");
        for (WalkForwardWindow w : r.windows()) {
            b.append(w.window()).append(',').append(iso(w.trainStartMillis())).append(',').append(iso(w.trainEndMillis()))
                .append(',').append(iso(w.testStartMillis())).append(',').append(iso(w.testEndMillis())).append(',');
            for (String n : names) b.append(w.params().getOrDefault(n, "")).append(',');
            b.append(SweepCsv.ratio(w.trainScore())).append(',').append(SweepCsv.ratio(w.oosReturn())).append('\n');
        }
        return b.toString();
    }

    static String equity(WalkForward.Result r) {
        StringBuilder b = new StringBuilder("time,equity\n");
        for (int i = 0; i < r.time().length; i++)
            b.append(iso(r.time()[i])).append(',').append(SweepCsv.ratio(r.equity()[i])).append('\n');
        return b.toString();
    }

    static String iso(long millis) { return Instant.ofEpochMilli(millis).toString(); }
}
