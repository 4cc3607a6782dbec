package io.ibex.backtest;

import io.ibex.execution.Trade;
import io.ibex.framework.strategy.Sizing;
import io.ibex.framework.domain.Bars;
import io.ibex.framework.domain.Side;
import io.ibex.framework.event.OrderEvent;
import io.ibex.framework.strategy.BarWindow;
import io.ibex.framework.strategy.Strategy;
import io.ibex.framework.strategy.StrategyContext;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class BacktestEngineTest {
    private static final Bars FOUR_BARS = SampleBars.of(
        new double[]{10, 11, 9, 10.5},
        new double[]{10.75, 12, 10, 11.25},
        new double[]{11.5, 13, 11, 12.5},
        new double[]{12.25, 12.5, 11.75, 12});

    @Test
    void aMarketOrderDecidedOnABarFillsAtTheNextBarsOpen() {
        ScriptedStrategy s = new ScriptedStrategy().at(0, Side.BUY, 1).at(2, Side.SELL, 1);
        BacktestResult r = new BacktestEngine(BacktestConfig.defaults()).run(FOUR_BARS, s);

        assertThat(r.trades()).hasSize(1);
        Trade t = r.trades().get(0);
        assertThat(t.entryPrice()).isEqualByComparingTo("10.75");
        assertThat(t.entryTimeMillis()).isEqualTo(FOUR_BARS.time(1));
        assertThat(t.exitPrice()).isEqualByComparingTo("12.25");
        assertThat(t.exitTimeMillis()).isEqualTo(FOUR_BARS.time(3));
        assertThat(t.pnl()).isEqualByComparingTo("1.5");
        assertThat(r.finalEquity()).isEqualByComparingTo("100001.5");
    }

    @Test
    void withCloseFillsAMarketOrderFillsAtTheCloseOfTheBarItWasDecidedOn() {
        ScriptedStrategy s = new ScriptedStrategy().at(0, Side.BUY, 1).at(2, Side.SELL, 1);
        BacktestResult r = new BacktestEngine(BacktestConfig.defaults().withFillMode(FillMode.CLOSE)).run(FOUR_BARS, s);

        Trade t = r.trades().get(0);
        assertThat(t.entryPrice()).isEqualByComparingTo("10.5");
        assertThat(t.entryTimeMillis()).as("at the close of bar 0").isEqualTo(FOUR_BARS.closeTime(0));
        assertThat(t.exitPrice()).isEqualByComparingTo("12.5");
        assertThat(r.equity()[0]).isEqualTo(100_000.0);
    }

    @Test
    void aSignalOnTheLastBarNeverFillsAndIsReportedCancelledAtTheEndOfData() {
        ScriptedStrategy s = new ScriptedStrategy().at(3, Side.BUY, 1);
        BacktestResult r = new BacktestEngine(BacktestConfig.defaults()).run(FOUR_BARS, s);

        assertThat(r.trades()).isEmpty();
        assertThat(r.openPositions()).isEmpty();
        assertThat(r.orders()).extracting(OrderLogEntry::event).containsExactly("submitted", "cancelled");
        assertThat(r.orders().get(1).note()).contains("end of data");
        assertThat(s.events.get(s.events.size() - 1)).isInstanceOf(OrderEvent.Cancelled.class);
    }

    @Test
    void equityIsMarkedAtEachCloseAndAnOpenPositionIsNotATrade() {
        ScriptedStrategy s = new ScriptedStrategy().at(0, Side.BUY, 2);
        BacktestResult r = new BacktestEngine(BacktestConfig.defaults()).run(FOUR_BARS, s);

        assertThat(r.equity()).containsExactly(100_000, 100_000 - 21.5 + 22.5, 100_000 - 21.5 + 25, 100_000 - 21.5 + 24);
        assertThat(r.trades()).isEmpty();
        assertThat(r.openPositions()).singleElement().satisfies(p -> {
            assertThat(p.quantity()).isEqualByComparingTo("2");
            assertThat(p.averagePrice()).isEqualByComparingTo("10.75");
        });
        assertThat(r.finalEquity()).isEqualByComparingTo("100002.5");
        assertThat(r.openSinceMillis()).isEqualTo(FOUR_BARS.time(1));
    }

    @Test
    void theStrategySeesItsFillBeforeTheBarItFilledOnCloses() {
        List<Double> positionsSeen = new ArrayList<>();
        Strategy s = new Strategy() {
            @Override public void onBar(BarWindow w, StrategyContext ctx) {
                positionsSeen.add(ctx.position(w.instrument()));
                if (w.time(0) == FOUR_BARS.time(0)) ctx.buy(w.instrument(), 3);
            }
        };
        new BacktestEngine(BacktestConfig.defaults()).run(FOUR_BARS, s);
        assertThat(positionsSeen).containsExactly(0.0, 3.0, 3.0, 3.0);
    }

    @Test
    void theWindowShowsOnlyClosedBarsUpToTheLookback() {
        List<String> seen = new ArrayList<>();
        Strategy s = new Strategy() {
            @Override public int lookback() { return 2; }
            @Override public void onBar(BarWindow w, StrategyContext ctx) {
                seen.add(w.size() + ":" + w.close(0) + (w.size() > 1 ? "/" + w.close(1) : ""));
                assertThatThrownBy(() -> w.close(w.size())).isInstanceOf(IndexOutOfBoundsException.class);
            }
        };
        new BacktestEngine(BacktestConfig.defaults()).run(FOUR_BARS, s);
        assertThat(seen).containsExactly("1:10.5", "2:11.25/10.5", "2:12.5/11.25", "2:12.0/12.5");
    }

    @Test
    void percentOfEquitySizingBuysWholeUnitsWorthAtMostThatShareOfEquity() {
        List<Double> sizes = new ArrayList<>();
        Strategy s = (w, ctx) -> sizes.add(ctx.sizeFor(w.instrument(), w.close(0)));
        new BacktestEngine(BacktestConfig.defaults().withSizing(new Sizing.PercentOfEquity(10))).run(FOUR_BARS, s);
        assertThat(sizes.get(0)).isEqualTo(Math.floor(10_000 / 10.5));
    }

    @Test
    void commissionAndSlippageAreChargedExactly() {
        BacktestConfig cfg = BacktestConfig.defaults()
            .withCommission((i, side, q, p) -> new BigDecimal("0.005").multiply(q).max(BigDecimal.ONE))
            .withSlippageBps(new BigDecimal("10"));
        ScriptedStrategy s = new ScriptedStrategy().at(0, Side.BUY, 100).at(2, Side.SELL, 100);
        BacktestResult r = new BacktestEngine(cfg).run(FOUR_BARS, s);

        Trade t = r.trades().get(0);
        assertThat(t.entryPrice()).isEqualByComparingTo("10.76075");   // 10.75 * 1.001
        assertThat(t.exitPrice()).isEqualByComparingTo("12.23775");    // 12.25 * 0.999
        assertThat(t.commission()).isEqualByComparingTo("2");
        assertThat(t.pnl()).isEqualByComparingTo("145.7");            // (12.23775 - 10.76075) * 100 - 2
        assertThat(r.totalCommission()).isEqualByComparingTo("2");
        assertThat(r.finalEquity()).isEqualByComparingTo("100145.7");
    }

    @Test
    void anEmptySeriesIsRefusedWithItsSource() {
        Bars empty = Bars.builder(io.ibex.framework.domain.Instrument.of("X"), "file.csv").build();
        assertThatThrownBy(() -> new BacktestEngine(BacktestConfig.defaults()).run(empty, (w, c) -> { }))
            .hasMessageContaining("no bars").hasMessageContaining("file.csv");
    }
}
