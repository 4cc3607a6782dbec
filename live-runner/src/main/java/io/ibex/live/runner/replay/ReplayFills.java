package io.ibex.live.runner.replay;

import io.ibex.framework.domain.Bars;

/**
 * The venue side of a replay: bar {@code i} opens after the strategy has decided on bar {@code i-1}; resting orders
 * fill on it. Implemented in memory ({@link ReplayVenue}) and by the HTTPS gateway simulator ({@link SimulatorReplay}).
 */
public interface ReplayFills {
    void openBar(Bars bars, int i);
}
