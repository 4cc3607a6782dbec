package io.ibex.data;

import java.time.Duration;

/** One stored series as {@code ibex data list} shows it; times in epoch millis. */
public record SeriesInfo(String symbol, Duration barSize, long firstTime, long lastTime, long count) {
    public String series() { return symbol + "@" + BarSizes.format(barSize); }
}
