package io.ibex.backtest.sweep;

import io.ibex.framework.error.ConfigException;

import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.random.RandomGenerator;
import java.util.random.RandomGeneratorFactory;

/**
 * The cartesian product of the {@code --grid} axes. Grid index 0 is every axis at its first value; the LAST axis varies
 * fastest (like nested loops written in option order). {@link #sample} picks a seeded subset, still in grid order.
 */
public record ParamGrid(List<GridAxis> axes) {
    /** Guard against a grid nobody meant to run (and int overflow). */
    static final long MAX_SIZE = 10_000_000;

    public ParamGrid {
        axes = List.copyOf(axes);
        if (axes.isEmpty()) throw new ConfigException("give at least one --grid key=a,b,c or key=from:to:step");
        Set<String> names = new HashSet<>();
        long size = 1;
        for (GridAxis a : axes) {
            if (!names.add(a.name())) throw new ConfigException("--grid " + a.name() + " is given twice; list all its values in one option");
            size *= a.values().size();
            if (size > MAX_SIZE)
                throw new ConfigException("the grid has more than " + MAX_SIZE + " parameter sets; narrow it or use --random N");
        }
    }

    public static ParamGrid parse(List<String> options) {
        return new ParamGrid(options.stream().map(GridAxis::parse).toList());
    }

    public int size() {
        int size = 1;
        for (GridAxis a : axes) size *= a.values().size();
        return size;
    }

    public List<String> names() { return axes.stream().map(GridAxis::name).toList(); }

    /** The parameter set at {@code index}, in axis order. */
    public Map<String, String> paramSet(int index) {
        if (index < 0 || index >= size()) throw new IndexOutOfBoundsException("grid index " + index + " of " + size());
        String[] values = new String[axes.size()];
        int rest = index;
        for (int a = axes.size() - 1; a >= 0; a--) {
            List<String> v = axes.get(a).values();
            values[a] = v.get(rest % v.size());
            rest /= v.size();
        }
        Map<String, String> out = new LinkedHashMap<>();
        for (int a = 0; a < values.length; a++) out.put(axes.get(a).name(), values[a]);
        return out;
    }

    /** All grid indices, 0..size-1. */
    public int[] all() {
        int[] all = new int[size()];
        Arrays.setAll(all, i -> i);
        return all;
    }

    /**
     * {@code n} distinct grid indices drawn with {@code L64X128MixRandom(seed)}, sorted ascending; the whole grid when
     * {@code n >= size()}. The same seed gives the same sample on every machine.
     */
    public int[] sample(int n, long seed) {
        if (n < 1) throw new ConfigException("--random must be at least 1, was " + n);
        int size = size();
        if (n >= size) return all();
        RandomGenerator random = RandomGeneratorFactory.of("L64X128MixRandom").create(seed);
        // Floyd's algorithm: n draws, no array of the whole grid
        Set<Integer> chosen = new HashSet<>();
        for (int j = size - n; j < size; j++) {
            int t = random.nextInt(j + 1);
            if (!chosen.add(t)) chosen.add(j);
        }
        return chosen.stream().mapToInt(Integer::intValue).sorted().toArray();
    }
}
