package io.ibex.backtest.sweep;

import io.ibex.framework.error.ConfigException;

import java.time.Duration;
import java.util.Objects;

/**
 * One sweep as the command line asks for it.
 *
 * @param walkForward null for no walk-forward
 * @param bar         bar size for tick or db sources, or null
 * @param minTrades   sets with fewer trades are listed but not ranked in the printed summary ({@code --min-trades})
 */
public record SweepRequest(ParamGrid grid, SweepJob job, String engine, SweepEngine.Options options, RankBy rankBy,
                           WalkForward.Spec walkForward, Duration bar, int minTrades) {
    public SweepRequest {
        Objects.requireNonNull(grid, "grid");
        Objects.requireNonNull(job, "job");
        Objects.requireNonNull(engine, "engine");
        Objects.requireNonNull(options, "options");
        Objects.requireNonNull(rankBy, "rankBy");
        if (minTrades < 0) throw new ConfigException("--min-trades must not be negative, was " + minTrades);
    }
}
