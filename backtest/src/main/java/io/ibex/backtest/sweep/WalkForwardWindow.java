package io.ibex.backtest.sweep;

import java.util.Map;

/**
 * One walk-forward step: optimise on bars {@code [trainFrom, trainTo)}, trade the winner on {@code [trainTo, testTo)}.
 *
 * @param params     the chosen parameter set; empty when no set ran on the train window (then the test stays in cash)
 * @param trainScore the winner's {@code --rank-by} value on the train window
 * @param oosReturn  the winner's return over the test window (equity at its last bar / at the last train bar - 1)
 */
public record WalkForwardWindow(int window, int trainFrom, int trainTo, int testTo, long trainStartMillis,
                                long trainEndMillis, long testStartMillis, long testEndMillis,
                                Map<String, String> params, double trainScore, double oosReturn) {
    public WalkForwardWindow {
        params = SweepRow.ordered(params);
    }
}
