package io.ibex.backtest;

import io.ibex.execution.IntrabarPath;
import io.ibex.framework.domain.Bars;
import io.ibex.framework.domain.ClientOrderId;
import io.ibex.framework.domain.OrderType;
import io.ibex.framework.domain.Side;
import io.ibex.framework.domain.TimeInForce;
import io.ibex.framework.strategy.BarWindow;
import io.ibex.framework.strategy.BracketIds;
import io.ibex.framework.strategy.Strategy;
import io.ibex.framework.strategy.StrategyContext;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BiConsumer;

import static org.assertj.core.api.Assertions.assertThat;

/** Brackets, OCO groups and modify through the engine, and how the intrabar path decides a bar that spans both exits. */
class BracketAndOcoTest {
    // bar 1 opens at 100 and reaches both 106 and 95 before closing at 100
    private static final Bars BARS = SampleBars.of(
        new double[]{100, 101, 99, 100},
        new double[]{100, 106, 95, 100},
        new double[]{100, 101, 99, 100});

    /** Runs {@code onFirstBar} on bar 0 only. */
    private static BacktestResult run(IntrabarPath path, BiConsumer<BarWindow, StrategyContext> onFirstBar) {
        Strategy s = new Strategy() {
            private boolean done;

            @Override public void onBar(BarWindow w, StrategyContext ctx) {
                if (!done) onFirstBar.accept(w, ctx);
                done = true;
            }
        };
        return new BacktestEngine(BacktestConfig.defaults().withIntrabar(path)).run(BARS, s);
    }

    private static BacktestResult marketBracket(IntrabarPath path) {
        return run(path, (w, ctx) -> ctx.bracket(w.instrument(), Side.BUY, 1, OrderType.MKT, Double.NaN, Double.NaN,
            105, 96, TimeInForce.GTC));
    }

    private static BigDecimal net(BacktestResult r) { return r.finalEquity().subtract(r.initialCash()); }

    private static List<String> events(BacktestResult r) {
        List<String> out = new ArrayList<>();
        for (OrderLogEntry e : r.orders()) if (!e.event().equals("submitted")) out.add(e.orderId() + " " + e.event() + " " + e.note());
        return out;
    }

    @Test
    void underOhlcTheTakeProfitFillsFirstAndCancelsTheStopLoss() {
        BacktestResult r = marketBracket(IntrabarPath.OHLC);
        assertThat(net(r)).isEqualByComparingTo("5");
        assertThat(events(r)).containsExactly("bt-1 filled ", "bt-2 filled ", "bt-3 cancelled OCO: bt-2 filled");
    }

    @Test
    void underOlhcTheStopLossFillsFirstAndCancelsTheTakeProfit() {
        BacktestResult r = marketBracket(IntrabarPath.OLHC);
        assertThat(net(r)).isEqualByComparingTo("-4");
        assertThat(events(r)).containsExactly("bt-1 filled ", "bt-3 filled ", "bt-2 cancelled OCO: bt-3 filled");
    }

    @Test
    void thePessimisticPathTakesTheLowFirstWhileLong() {
        assertThat(net(marketBracket(IntrabarPath.PESSIMISTIC))).isEqualByComparingTo("-4");
    }

    @Test
    void aStopEntryAndItsStopLossCanBothFillInOneBarOnlyIfTheHighComesFirst() {
        BiConsumer<BarWindow, StrategyContext> bracket = (w, ctx) -> ctx.bracket(w.instrument(), Side.BUY, 1, OrderType.STP,
            Double.NaN, 102, 110, 98.5, TimeInForce.GTC);
        BacktestResult highFirst = run(IntrabarPath.OHLC, bracket);
        assertThat(highFirst.trades()).hasSize(1);
        assertThat(net(highFirst)).isEqualByComparingTo("-3.5"); // in at 102 on the way up, out at 98.5 on the way down
        BacktestResult lowFirst = run(IntrabarPath.OLHC, bracket);
        assertThat(lowFirst.trades()).isEmpty();                // the low came before the entry: still long at the end
        assertThat(lowFirst.openPositions()).hasSize(1);
        assertThat(net(lowFirst)).isEqualByComparingTo("-2");   // marked at the last close, 100
    }

    @Test
    void cancellingTheEntryBeforeItFillsCancelsBothExits() {
        BacktestResult r = run(IntrabarPath.OHLC, (w, ctx) -> {
            BracketIds ids = ctx.bracket(w.instrument(), Side.BUY, 1, OrderType.LMT, 90, Double.NaN, 105, 85, TimeInForce.GTC);
            ctx.cancel(ids.entry());
        });
        assertThat(events(r)).containsExactly("bt-1 cancelled cancelled by request", "bt-2 cancelled parent bt-1 cancelled",
            "bt-3 cancelled parent bt-1 cancelled");
        assertThat(r.trades()).isEmpty();
    }

    @Test
    void theFirstOrderOfAnOcoGroupToFillCancelsTheOthers() {
        BacktestResult r = run(IntrabarPath.OLHC, (w, ctx) -> {
            ctx.submitOco("g", w.instrument(), Side.BUY, 1, OrderType.LMT, 97, Double.NaN, TimeInForce.GTC);
            ctx.submitOco("g", w.instrument(), Side.SELL, 1, OrderType.LMT, 104, Double.NaN, TimeInForce.GTC);
        });
        assertThat(events(r)).containsExactly("bt-1 filled ", "bt-2 cancelled OCO: bt-1 filled");
        assertThat(r.openPositions().get(0).quantity()).isEqualByComparingTo("1");
    }

    @Test
    void aModifiedLimitFillsAtItsNewPrice() {
        BacktestResult r = run(IntrabarPath.OHLC, (w, ctx) -> {
            ClientOrderId id = ctx.limit(w.instrument(), Side.BUY, 1, 90, TimeInForce.GTC);
            assertThat(ctx.modify(id, Double.NaN, 96.5, Double.NaN)).isTrue();
        });
        OrderLogEntry fill = r.orders("filled").get(0);
        assertThat(fill.price()).isEqualByComparingTo("96.5");
        assertThat(fill.quantity()).isEqualByComparingTo("1");
    }

    @Test
    void modifyingAFinishedOrderReportsFalse() {
        List<Boolean> answers = new ArrayList<>();
        run(IntrabarPath.OHLC, (w, ctx) -> {
            ClientOrderId id = ctx.limit(w.instrument(), Side.BUY, 1, 90, TimeInForce.GTC);
            ctx.cancel(id);
            answers.add(ctx.modify(id, 2, 95, Double.NaN));
        });
        assertThat(answers).containsExactly(false);
    }
}
