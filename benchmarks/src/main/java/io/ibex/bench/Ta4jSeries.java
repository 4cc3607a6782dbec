package io.ibex.bench;

import java.time.Duration;
import java.time.Instant;
import org.ta4j.core.BarSeries;
import org.ta4j.core.BaseBarSeriesBuilder;
import org.ta4j.core.num.NumFactory;

/** The synthetic columns as a Ta4j {@code BaseBarSeries}, built the way Ta4j's own examples do (bar builder). */
final class Ta4jSeries {
    private static final Duration MINUTE = Duration.ofMinutes(1);

    private Ta4jSeries() {
    }

    static BarSeries of(SyntheticBars bars, int n, NumFactory numbers) {
        BarSeries series = new BaseBarSeriesBuilder().withName("SYN").withNumFactory(numbers).build();
        for (int i = 0; i < n; i++) {
            series.barBuilder()
                    .timePeriod(MINUTE)
                    .endTime(Instant.ofEpochMilli(bars.time()[i]).plus(MINUTE))
                    .openPrice(bars.open()[i])
                    .highPrice(bars.high()[i])
                    .lowPrice(bars.low()[i])
                    .closePrice(bars.close()[i])
                    .volume(bars.volume()[i])
                    .add();
        }
        return series;
    }
}
