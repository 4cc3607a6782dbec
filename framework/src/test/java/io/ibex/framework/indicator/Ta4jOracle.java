package io.ibex.framework.indicator;

import java.time.Duration;
import java.time.Instant;
import org.ta4j.core.BarSeries;
import org.ta4j.core.BaseBarSeriesBuilder;
import org.ta4j.core.Indicator;
import org.ta4j.core.indicators.helpers.ClosePriceIndicator;
import org.ta4j.core.num.Num;
import org.ta4j.core.num.NumFactory;

/** Builds a Ta4j series from test columns and reads indicator values back as doubles ({@code NaN} stays NaN). */
final class Ta4jOracle {
    private Ta4jOracle() {
    }

    static BarSeries series(OhlcSeries bars, NumFactory numbers) {
        BarSeries series = new BaseBarSeriesBuilder().withName(bars.name()).withNumFactory(numbers).build();
        Instant start = Instant.parse("2020-01-01T00:00:00Z");
        for (int i = 0; i < bars.size(); i++) {
            series.barBuilder()
                    .timePeriod(Duration.ofMinutes(1))
                    .endTime(start.plusSeconds(60L * (i + 1)))
                    .openPrice(bars.open()[i])
                    .highPrice(bars.high()[i])
                    .lowPrice(bars.low()[i])
                    .closePrice(bars.close()[i])
                    .volume(1)
                    .add();
        }
        return series;
    }

    static ClosePriceIndicator close(BarSeries series) {
        return new ClosePriceIndicator(series);
    }

    static double[] values(Indicator<Num> indicator) {
        int n = indicator.getBarSeries().getBarCount();
        double[] out = new double[n];
        for (int i = 0; i < n; i++) {
            Num v = indicator.getValue(i);
            out[i] = v == null || v.isNaN() ? Double.NaN : v.doubleValue();
        }
        return out;
    }
}
