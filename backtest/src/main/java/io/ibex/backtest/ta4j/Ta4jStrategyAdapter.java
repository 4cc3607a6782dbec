package io.ibex.backtest.ta4j;

import io.ibex.framework.event.OrderEvent;
import io.ibex.framework.strategy.BarWindow;
import io.ibex.framework.strategy.Strategy;
import io.ibex.framework.strategy.StrategyContext;
import org.ta4j.core.BarSeries;
import org.ta4j.core.BaseBarSeriesBuilder;
import org.ta4j.core.BaseTradingRecord;
import org.ta4j.core.TradingRecord;
import org.ta4j.core.num.DecimalNumFactory;
import org.ta4j.core.num.NumFactory;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.function.Function;

/**
 * Runs a Ta4j {@link org.ta4j.core.Strategy} (entry and exit rules over Ta4j indicators) as an ibex strategy, long only:
 * each closed bar is appended to a Ta4j series, then {@code shouldEnter} while flat buys by the run's sizing rule and
 * {@code shouldExit} while long sells everything, at market. Fills are written back into a Ta4j
 * {@link TradingRecord}, so rules that look at the open position (stop-loss, take-profit) work. Under the default
 * config it trades exactly as Ta4j's own {@code BarSeriesManager} (see Ta4jAdapterMatchesBarSeriesManagerTest).
 *
 * <p>Ta4j allocates per bar (its series and Num values); use native ibex strategies where that matters.
 */
public final class Ta4jStrategyAdapter implements Strategy {
    private final Function<BarSeries, org.ta4j.core.Strategy> rules;
    private final NumFactory numbers;
    private BarSeries series;
    private org.ta4j.core.Strategy strategy;
    private final TradingRecord record = new BaseTradingRecord();

    /** @param rules builds the Ta4j strategy over the (initially empty, growing) series; called once */
    public Ta4jStrategyAdapter(Function<BarSeries, org.ta4j.core.Strategy> rules) { this(rules, DecimalNumFactory.getInstance()); }

    public Ta4jStrategyAdapter(Function<BarSeries, org.ta4j.core.Strategy> rules, NumFactory numbers) {
        this.rules = Objects.requireNonNull(rules, "rules");
        this.numbers = Objects.requireNonNull(numbers, "numbers");
    }

    @Override public int lookback() { return 2; }

    @Override
    public void onBar(BarWindow closed, StrategyContext ctx) {
        if (series == null) {
            series = new BaseBarSeriesBuilder().withName(closed.instrument().symbol()).withNumFactory(numbers).build();
            strategy = Objects.requireNonNull(rules.apply(series), "the Ta4j rules function returned null");
        }
        Duration period = Duration.ofMillis(closed.size() > 1 ? closed.time(0) - closed.time(1) : 60_000);
        series.barBuilder().timePeriod(period).endTime(Instant.ofEpochMilli(ctx.now()))
            .openPrice(Double.toString(closed.open(0))).highPrice(Double.toString(closed.high(0)))
            .lowPrice(Double.toString(closed.low(0))).closePrice(Double.toString(closed.close(0)))
            .volume(Double.toString(closed.volume(0))).add();
        int index = series.getEndIndex();
        double position = ctx.position(closed.instrument());
        if (position == 0 && strategy.shouldEnter(index, record)) ctx.enterLong(closed);
        else if (position > 0 && strategy.shouldExit(index, record)) ctx.exit(closed.instrument());
    }

    @Override
    public void onOrderEvent(OrderEvent event, StrategyContext ctx) {
        if (!(event instanceof OrderEvent.Filled f)) return;
        // a fill at the next open belongs to the bar after the last one appended; a close fill to that bar itself
        int last = series.getEndIndex();
        int index = series.getBar(last).getEndTime().toEpochMilli() == f.timeMillis() ? last : last + 1;
        record.operate(index, numbers.numOf(f.fill().price()), numbers.numOf(f.fill().quantity()));
    }
}
