package io.ibex.backtest;

import io.ibex.framework.strategy.Sizing;
import io.ibex.data.BarSources;
import io.ibex.framework.domain.Bars;
import io.ibex.framework.domain.Instrument;
import io.ibex.framework.domain.OrderType;
import io.ibex.framework.domain.Side;
import io.ibex.framework.domain.TimeInForce;
import io.ibex.framework.error.ConfigException;
import io.ibex.framework.event.OrderEvent;
import io.ibex.framework.strategy.BarWindow;
import io.ibex.framework.strategy.Params;
import io.ibex.framework.strategy.Strategy;
import io.ibex.framework.strategy.StrategyContext;
import io.ibex.framework.strategy.StrategyFactory;
import io.ibex.framework.strategy.StrategyRegistry;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class PortfolioEngineTest {
    private static final BacktestConfig QUANTITY = BacktestConfig.defaults().withSizing(new Sizing.FixedQuantity(BigDecimal.TEN));

    @Test
    void eachSymbolTradesAsItDoesAloneWhenCashIsAmple() {
        StrategyFactory f = StrategyRegistry.builtIn().find("sma-cross");
        Params p = Params.resolve("sma-cross", f.params(), Map.of());
        Bars aapl = BarSources.load("sample:aapl-2013", null);
        Bars eth = BarSources.load("sample:eth-5m-2023", null);
        BacktestConfig cfg = QUANTITY.withInitialCash(new BigDecimal("10000000"));

        BacktestResult both = new PortfolioEngine(cfg).run(List.of(aapl, eth), i -> f.create(p));
        BacktestResult aaplAlone = new BacktestEngine(cfg).run(aapl, f.create(p));
        BacktestResult ethAlone = new BacktestEngine(cfg).run(eth, f.create(p));

        assertThat(aaplAlone.trades()).isNotEmpty();
        assertThat(ethAlone.trades()).isNotEmpty();
        assertThat(both.trades().stream().filter(t -> t.instrument().equals(aapl.instrument())).toList())
            .isEqualTo(aaplAlone.trades());
        assertThat(both.trades().stream().filter(t -> t.instrument().equals(eth.instrument())).toList())
            .isEqualTo(ethAlone.trades());
        assertThat(both.bars().size()).isEqualTo(aapl.size() + eth.size()); // the two samples share no bar time
        BigDecimal pnl = aaplAlone.finalEquity().add(ethAlone.finalEquity()).subtract(cfg.initialCash().multiply(BigDecimal.TWO));
        assertThat(both.finalEquity()).isEqualByComparingTo(cfg.initialCash().add(pnl));
        assertThat(PortfolioEngine.isPortfolio(both)).isTrue();
        assertThat(PortfolioEngine.isPortfolio(aaplAlone)).isFalse();
    }

    @Test
    void anInstrumentWithoutABarIsNotCalledAndIsMarkedAtItsLastClose() {
        Bars full = rising("FULL", 20, 0);
        Bars gappy = withoutBars(rising("GAP", 20, 1000), 10, 14); // no bars 10..13
        List<Long> calledAt = new ArrayList<>();
        Strategy gapStrategy = new Strategy() {
            @Override public void onBar(BarWindow w, StrategyContext ctx) {
                calledAt.add(ctx.now());
                if (calledAt.size() == 6) ctx.submit(w.instrument(), Side.BUY, 10, OrderType.MKT, Double.NaN, Double.NaN, TimeInForce.DAY);
            }
        };
        BacktestResult r = new PortfolioEngine(QUANTITY).run(List.of(full, gappy),
            i -> i.symbol().equals("GAP") ? gapStrategy : new ScriptedStrategy());

        assertThat(calledAt).hasSize(16).doesNotContain(full.time(10), full.time(11), full.time(12), full.time(13));
        assertThat(r.bars().size()).isEqualTo(20);
        double cashAfterBuy = 100_000 - 10 * gappy.open(6);
        for (int i = 10; i < 14; i++) // GAP has no bar: its 10 units are marked at its close of bar 9
            assertThat(r.equity()[i]).isEqualTo(cashAfterBuy + 10 * gappy.close(9));
        assertThat(r.equity()[14]).isEqualTo(cashAfterBuy + 10 * gappy.close(10));
    }

    @Test
    void percentOfEquitySizingSharesOneCashAccountSoTheSecondEntryIsCut() {
        Bars a = rising("AAA", 5, 0), b = rising("BBB", 5, 0);
        List<List<OrderEvent>> events = new ArrayList<>();
        BacktestConfig cfg = BacktestConfig.defaults().withInitialCash(new BigDecimal("10000"))
            .withSizing(new Sizing.PercentOfEquity(60));
        BacktestResult r = new PortfolioEngine(cfg).run(List.of(a, b), i -> {
            List<OrderEvent> seen = new ArrayList<>();
            events.add(seen);
            return new Strategy() {
                boolean sent;
                @Override public void onBar(BarWindow w, StrategyContext ctx) {
                    if (sent) return;
                    sent = true;
                    ctx.submit(w.instrument(), Side.BUY, ctx.sizeFor(w.instrument(), w.close(0)), OrderType.MKT, Double.NaN, Double.NaN, TimeInForce.DAY);
                }
                @Override public void onOrderEvent(OrderEvent e, StrategyContext ctx) { seen.add(e); }
            };
        });

        double price = a.open(1); // both fill at bar 1's open
        double wanted = Math.floor(6000 / a.close(0));
        assertThat(filled(events.get(0))).isEqualTo(wanted);
        double rest = Math.floor((10000 - wanted * price) / price);
        assertThat(filled(events.get(1))).isEqualTo(rest).isLessThan(wanted);
        assertThat(events.get(1)).anySatisfy(e -> assertThat(e).isInstanceOfSatisfying(OrderEvent.Cancelled.class,
            c -> assertThat(c.reason()).startsWith("insufficient cash")));
        assertThat(r.openPositions()).hasSize(2);
        BigDecimal cash = r.finalEquity();
        for (var pos : r.openPositions()) cash = cash.subtract(pos.quantity().multiply(BigDecimal.valueOf(a.close(4))));
        assertThat(cash.signum()).isGreaterThanOrEqualTo(0);
    }

    @Test
    void theSameSymbolTwiceIsRefused() {
        Bars a = rising("AAA", 5, 0);
        assertThatThrownBy(() -> new PortfolioEngine(QUANTITY).run(List.of(a, a), i -> new ScriptedStrategy()))
            .isInstanceOf(ConfigException.class)
            .hasMessage("symbol AAA comes from more than one data source (test is the second); give each symbol once");
    }

    private static double filled(List<OrderEvent> events) {
        double q = 0;
        for (OrderEvent e : events) if (e instanceof OrderEvent.Filled f) q += f.fill().quantity().doubleValue();
        return q;
    }

    /** n daily bars from 2020-01-01, rising by 1 a day from 100 + offset. */
    private static Bars rising(String symbol, int n, double offset) {
        double[][] rows = new double[n][];
        for (int i = 0; i < n; i++) {
            double o = 100 + offset + i;
            rows[i] = new double[] {o, o + 2, o - 1, o + 1};
        }
        return SampleBars.of(rows).relabel(Instrument.of(symbol), "test");
    }

    private static Bars withoutBars(Bars bars, int from, int to) {
        Bars.Builder b = Bars.builder(bars.instrument(), bars.source());
        for (int i = 0; i < bars.size(); i++)
            if (i < from || i >= to) b.add(bars.time(i), bars.open(i), bars.high(i), bars.low(i), bars.close(i), bars.volume(i));
        return b.build();
    }
}
