package io.ibex.backtest.sweep;

import java.io.Serializable;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Everything an engine needs to run a sweep except the bars: the settings and the parameter sets, in grid order.
 *
 * @param gridIndex  the grid index of each parameter set (ascending; a subset of the grid with {@code --random})
 * @param paramSets  the raw {@code key=value} text of each set, same order as {@code gridIndex}
 * @param maxPeriods cap on the per-period return series kept for the overfitting report (see {@link PeriodReturns})
 */
public record SweepJob(SweepSettings settings, List<String> paramNames, int[] gridIndex,
                       List<Map<String, String>> paramSets, int maxPeriods) implements Serializable {
    public SweepJob {
        Objects.requireNonNull(settings, "settings");
        paramNames = List.copyOf(paramNames);
        gridIndex = gridIndex.clone();
        paramSets = paramSets.stream().map(SweepRow::ordered).toList();
        if (gridIndex.length != paramSets.size())
            throw new IllegalArgumentException(gridIndex.length + " grid indices for " + paramSets.size() + " parameter sets");
        if (maxPeriods < 2) throw new IllegalArgumentException("maxPeriods must be >= 2, was " + maxPeriods);
    }

    /** Every chosen set of {@code grid}, in grid order. */
    public static SweepJob of(SweepSettings settings, ParamGrid grid, int[] indices, int maxPeriods) {
        List<Map<String, String>> sets = new java.util.ArrayList<>(indices.length);
        for (int i : indices) sets.add(grid.paramSet(i));
        return new SweepJob(settings, grid.names(), indices, sets, maxPeriods);
    }

    @Override public int[] gridIndex() { return gridIndex.clone(); }

    public int size() { return gridIndex.length; }

    public int gridIndexAt(int i) { return gridIndex[i]; }
}
