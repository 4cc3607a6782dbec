package io.ibex.backtest.stats;

/** The median of the spacing between timestamps in expected O(n) (quickselect), not O(n log n) (a sort). */
public final class Median {
    private Median() {}

    /** Median of {@code time[i] - time[i-1]}: the middle gap, or the mean of the two middle gaps; needs 2 times. */
    public static double spacing(long[] time) {
        long[] gaps = new long[time.length - 1];
        for (int i = 1; i < time.length; i++) gaps[i - 1] = time[i] - time[i - 1];
        int k = gaps.length / 2;
        long upper = select(gaps, k);
        if (gaps.length % 2 == 1) return upper;
        long lower = gaps[0];                       // after select, gaps[0..k) are <= gaps[k]: the largest of them
        for (int i = 1; i < k; i++) lower = Math.max(lower, gaps[i]);
        return (lower + (double) upper) / 2;
    }

    /** Rearranges {@code a} so that {@code a[k]} is the k-th smallest, smaller-or-equal values before it; returns it. */
    static long select(long[] a, int k) {
        int lo = 0, hi = a.length - 1;
        while (hi > lo) {
            int mid = (lo + hi) >>> 1;
            long pivot = medianOfThree(a[lo], a[mid], a[hi]);
            int i = lo, j = hi;
            while (i <= j) {                        // Hoare partition around the pivot value
                while (a[i] < pivot) i++;
                while (a[j] > pivot) j--;
                if (i <= j) {
                    long t = a[i];
                    a[i++] = a[j];
                    a[j--] = t;
                }
            }
            if (k <= j) hi = j;
            else if (k >= i) lo = i;
            else return a[k];
        }
        return a[k];
    }

    private static long medianOfThree(long x, long y, long z) {
        return Math.max(Math.min(x, y), Math.min(Math.max(x, y), z));
    }
}
