package io.ibex.cli.replay;

import io.ibex.framework.domain.Bars;

import java.util.List;

/**
 * The venue side of a replay: the bars of one time open after every strategy has decided on its previous bar; resting
 * orders fill on them, series by series in serving order. Implemented in memory ({@link ReplayVenue}) and by the HTTPS
 * gateway simulator ({@link SimulatorReplay}).
 */
public interface ReplayFills {
    /** Bar {@code i} of {@code bars}. */
    record BarAt(Bars bars, int i) {
        long time() { return bars.time(i); }
    }

    /** The bars that open at one time, one per series that has a bar then, in serving order. */
    void openBars(List<BarAt> opening);

    /** One series: bar {@code i} opens. */
    default void openBar(Bars bars, int i) { openBars(List.of(new BarAt(bars, i))); }
}
