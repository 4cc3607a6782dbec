package io.ibex.data;

import io.ibex.framework.domain.Bars;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;

/** The most common gap between consecutive bars: the bar size of a bar file (weekends and holidays are rarer). */
final class BarSpacing {
    private BarSpacing() {}

    /** The most frequent time difference (ties: the smaller), or null for fewer than two bars. */
    static Duration mostCommon(Bars bars) {
        if (bars.size() < 2) return null;
        Map<Long, Integer> counts = new HashMap<>();
        for (int i = 1; i < bars.size(); i++) counts.merge(bars.time(i) - bars.time(i - 1), 1, Integer::sum);
        long best = 0;
        int bestCount = 0;
        for (Map.Entry<Long, Integer> e : counts.entrySet())
            if (e.getValue() > bestCount || e.getValue() == bestCount && e.getKey() < best) {
                best = e.getKey();
                bestCount = e.getValue();
            }
        return Duration.ofMillis(best);
    }
}
