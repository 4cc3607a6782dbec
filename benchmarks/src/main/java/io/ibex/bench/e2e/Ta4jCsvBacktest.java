package io.ibex.bench.e2e;

import org.ta4j.core.BarSeries;
import org.ta4j.core.BaseBarSeriesBuilder;
import org.ta4j.core.BaseStrategy;
import org.ta4j.core.Position;
import org.ta4j.core.TradingRecord;
import org.ta4j.core.backtest.BarSeriesManager;
import org.ta4j.core.backtest.TradeOnNextOpenModel;
import org.ta4j.core.indicators.averages.SMAIndicator;
import org.ta4j.core.indicators.helpers.ClosePriceIndicator;
import org.ta4j.core.num.DoubleNumFactory;
import org.ta4j.core.rules.CrossedDownIndicatorRule;
import org.ta4j.core.rules.CrossedUpIndicatorRule;

import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;

/**
 * The peer of {@code ibex backtest} in the end-to-end benchmark: what a Ta4j 0.22.2 user writes to backtest
 * SMA(20) x SMA(50) on a bar CSV ({@code time,open,high,low,close,volume}, ISO times): read the file line by line,
 * build a {@code DoubleNum} series, run {@link BarSeriesManager} with fills at the next open, print the trade count
 * and the summed profit. No equity curve ({@code CashFlow} costs Ta4j far more than the backtest; see Market).
 *
 * <pre>java -cp benchmarks.jar io.ibex.bench.e2e.Ta4jCsvBacktest FILE.csv [fast slow]</pre>
 */
public final class Ta4jCsvBacktest {
    private Ta4jCsvBacktest() {}

    public static void main(String[] args) throws IOException {
        Path file = Path.of(args[0]);
        int fast = args.length > 2 ? Integer.parseInt(args[1]) : 20, slow = args.length > 2 ? Integer.parseInt(args[2]) : 50;
        long start = System.nanoTime();
        BarSeries series = read(file);
        long read = System.nanoTime();
        ClosePriceIndicator close = new ClosePriceIndicator(series);
        SMAIndicator f = new SMAIndicator(close, fast), s = new SMAIndicator(close, slow);
        BaseStrategy strategy = new BaseStrategy(new CrossedUpIndicatorRule(f, s), new CrossedDownIndicatorRule(f, s), slow);
        TradingRecord record = new BarSeriesManager(series, new TradeOnNextOpenModel()).run(strategy);
        double profit = 0;
        for (Position p : record.getPositions()) profit += p.getProfit().doubleValue();
        long done = System.nanoTime();
        System.out.printf(java.util.Locale.ROOT, "ta4j: %d bars, %d trades, profit %.2f, read %.1f ms, backtest %.1f ms%n",
            series.getBarCount(), record.getPositionCount(), profit, (read - start) / 1e6, (done - read) / 1e6);
    }

    private static BarSeries read(Path file) throws IOException {
        BarSeries series = new BaseBarSeriesBuilder().withName(file.getFileName().toString())
            .withNumFactory(DoubleNumFactory.getInstance()).build();
        try (BufferedReader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            String line = in.readLine();                                      // header
            Instant previous = null;
            Duration period = Duration.ofMinutes(1);
            while ((line = in.readLine()) != null) {
                String[] c = line.split(",");
                Instant begin = Instant.parse(c[0]);
                if (previous != null) period = Duration.between(previous, begin);
                previous = begin;
                series.barBuilder().timePeriod(period).endTime(begin.plus(period))
                    .openPrice(Double.parseDouble(c[1])).highPrice(Double.parseDouble(c[2]))
                    .lowPrice(Double.parseDouble(c[3])).closePrice(Double.parseDouble(c[4]))
                    .volume(Double.parseDouble(c[5])).add();
            }
        }
        return series;
    }
}
