package io.ibex.data;

import io.ibex.framework.domain.Bars;

import java.time.Duration;

/**
 * The one place where a source's time labels become the bar-time convention of {@link Bars} (ADR 0006): every bar is
 * labelled by its OPEN time and knows its period, so its close is {@code open + period - 1}. Parsers keep the label
 * their format carries; the reader that produces {@code Bars} calls this once.
 */
final class BarTimes {
    private BarTimes() {}

    /** Bar CSV rows and the bar store carry open times already (a date is that day's bar from 00:00 UTC). */
    static Bars fromOpenLabels(Bars bars) { return bars; }

    /**
     * ta4j bar JSON labels a bar by its end: Binance-style inclusive ({@code ...:14:59.999}, the last millisecond) or
     * exclusive ({@code ...:15:00.000}, the next bar's start). Both become the open time.
     */
    static Bars fromEndLabels(Bars bars) {
        if (bars.size() == 0) return bars;
        return bars.shiftTimes(endLabelShift(bars.time(0), bars.periodMillis()));
    }

    /**
     * What to add to end labels to get open times, from the first label and the period: an inclusive end is a bar's
     * last millisecond (x.999 s), an exclusive one is the next bar's first. Streaming readers (the import) use it per bar.
     */
    static long endLabelShift(long firstLabel, long periodMillis) {
        boolean inclusive = Math.floorMod(firstLabel + 1, 1000) == 0;
        return inclusive ? 1 - periodMillis : -periodMillis;
    }

    /** Ticks aggregated to buckets: labelled by the bucket start, and the bucket size is the period (gaps prove nothing). */
    static Bars fromBuckets(Bars bars, Duration bar) { return bars.withPeriod(bar.toMillis()); }

    /** Bars read from the store, whose series records its bar size. */
    static Bars stored(Bars bars, Duration bar) { return bars.withPeriod(bar.toMillis()); }
}
