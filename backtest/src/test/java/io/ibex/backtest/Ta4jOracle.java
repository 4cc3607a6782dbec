package io.ibex.backtest;

import io.ibex.execution.Trade;
import io.ibex.framework.domain.Bars;
import io.ibex.framework.strategy.Strategy;
import org.ta4j.core.BarSeries;
import org.ta4j.core.BaseBarSeriesBuilder;
import org.ta4j.core.Position;
import org.ta4j.core.TradingRecord;
import org.ta4j.core.backtest.BarSeriesManager;
import org.ta4j.core.num.NumFactory;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** Runs Ta4j 0.22.2's BarSeriesManager with its defaults and ibex's engine with its defaults, as comparable trade lists. */
final class Ta4jOracle {
    private Ta4jOracle() {}

    /** The same bars as a Ta4j series; prices go in as the decimal text they were read from. */
    static BarSeries series(Bars bars, NumFactory nf) {
        BarSeries series = new BaseBarSeriesBuilder().withName(bars.source()).withNumFactory(nf).build();
        Duration period = Duration.ofMillis(bars.time(1) - bars.time(0));
        for (int i = 0; i < bars.size(); i++) {
            series.barBuilder().timePeriod(period).endTime(Instant.ofEpochMilli(bars.time(i)))
                .openPrice(Double.toString(bars.open(i))).highPrice(Double.toString(bars.high(i)))
                .lowPrice(Double.toString(bars.low(i))).closePrice(Double.toString(bars.close(i)))
                .volume(Double.toString(bars.volume(i))).add();
        }
        return series;
    }

    /** "entryIndex@price -> exitIndex@price" per closed position, from BarSeriesManager's defaults (next open, no cost). */
    static List<String> ta4jTrades(BarSeries series, org.ta4j.core.Strategy strategy) {
        TradingRecord record = new BarSeriesManager(series).run(strategy);
        List<String> out = new ArrayList<>();
        for (Position p : record.getPositions()) {
            out.add(p.getEntry().getIndex() + "@" + decimal(p.getEntry().getPricePerAsset().doubleValue()) + " -> "
                + p.getExit().getIndex() + "@" + decimal(p.getExit().getPricePerAsset().doubleValue()));
        }
        return out;
    }

    /** The same list from ibex's engine with {@link BacktestConfig#defaults()}. */
    static List<String> ibexTrades(Bars bars, Strategy strategy) {
        BacktestResult ours = new BacktestEngine(BacktestConfig.defaults()).run(bars, strategy);
        List<String> out = new ArrayList<>();
        for (Trade t : ours.trades())
            out.add(index(bars, t.entryTimeMillis()) + "@" + t.entryPrice().stripTrailingZeros().toPlainString() + " -> "
                + index(bars, t.exitTimeMillis()) + "@" + t.exitPrice().stripTrailingZeros().toPlainString());
        return out;
    }

    private static String decimal(double v) { return BigDecimal.valueOf(v).stripTrailingZeros().toPlainString(); }

    private static int index(Bars bars, long time) {
        for (int i = 0; i < bars.size(); i++) if (bars.time(i) == time) return i;
        throw new AssertionError("no bar at " + time);
    }
}
