package io.ibex.cli;

import io.ibex.backtest.BacktestConfig;
import io.ibex.backtest.BacktestEngine;
import io.ibex.cli.backtest.BacktestRequest;
import io.ibex.cli.backtest.BacktestRun;
import io.ibex.data.BarSources;
import io.ibex.framework.event.OrderEvent;
import io.ibex.framework.strategy.BarWindow;
import io.ibex.framework.strategy.Params;
import io.ibex.framework.strategy.Strategy;
import io.ibex.framework.strategy.StrategyContext;
import io.ibex.framework.strategy.StrategyFactory;
import io.ibex.framework.strategy.StrategyRegistry;
import io.ibex.cli.replay.ReplayRun;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Replay parity over the matrix: every shipped strategy that the live path runs × every shipped sample (BTC ticks at
 * 5 minutes) × both replay venues (GatewayOrders over HTTPS to the step-driven gateway simulator, and the in-memory
 * venue) writes the same orders.csv (time, event, side, quantity, type, price, commission; order ids differ by
 * design) and the same trades.csv as {@code ibex backtest} on the same data, and the strategy sees the same
 * OrderEvent sequence. Lives here because only cli sees both modules.
 */
class ReplayParityTest {
    static final List<String> STRATEGIES = List.of("sma-cross", "rsi-reversion", "bollinger-breakout", "ta4j-sma-cross",
        "breakout-bracket");
    static final List<String> DATA = List.of("sample:aapl-2013", "sample:eth-5m-2023", "sample:btc-ticks-2013");

    static Stream<Arguments> matrix() {
        List<Arguments> out = new ArrayList<>();
        for (String s : STRATEGIES) for (String d : DATA) for (ReplayRun.Venue v : ReplayRun.Venue.values()) out.add(Arguments.of(s, d, v));
        return out.stream();
    }

    @ParameterizedTest(name = "{0} on {1} via {2}")
    @MethodSource("matrix")
    void theReplayWritesTheSameOrdersAndTradesAsTheBacktest(String strategy, String data, ReplayRun.Venue venue, @TempDir Path dir)
            throws IOException {
        Path bt = dir.resolve("bt"), live = dir.resolve("live");
        BacktestRun.execute(new BacktestRequest(data, null, null, strategy, Map.of(), BacktestConfig.defaults(), bt, List.of()));
        ReplayRun.Outcome o = ReplayRun.execute(new ReplayRun.Request(data, null, null, strategy, Map.of(), new BigDecimal("100000"),
            null, live, List.of(), venue));

        assertThat(o.strategyFailed()).isFalse();
        List<String> btOrders = ordersWithoutIds(bt.resolve("orders.csv"));
        assertThat(btOrders).as("the backtest must trade at all, or parity proves nothing").anyMatch(l -> l.contains(",filled,"));
        assertThat(ordersWithoutIds(live.resolve("orders.csv"))).containsExactlyElementsOf(btOrders);
        assertThat(Files.readAllLines(live.resolve("trades.csv"))).containsExactlyElementsOf(Files.readAllLines(bt.resolve("trades.csv")));
    }

    @ParameterizedTest(name = "{0} on {1}")
    @MethodSource("eventCases")
    void theStrategySeesTheSameOrderEventsInTheSameOrderInBacktestAndReplay(String strategy, String data) {
        StrategyFactory f = StrategyRegistry.builtIn().find(strategy);
        List<String> backtest = new ArrayList<>();
        new BacktestEngine(BacktestConfig.defaults()).run(BarSources.load(data, null),
            new Recording(f.create(Params.resolve(strategy, f.params(), Map.of())), backtest));
        List<String> replay = new ArrayList<>();
        ReplayRun.execute(new ReplayRun.Request(data, null, null, strategy, Map.of(), new BigDecimal("100000"), null, null, List.of(),
            ReplayRun.Venue.SIMULATOR), s -> new Recording(s, replay));

        assertThat(backtest).as("events reach the strategy").anyMatch(l -> l.startsWith("Filled"));
        assertThat(backtest).anyMatch(l -> l.startsWith("Cancelled") || l.startsWith("Accepted"));
        assertThat(backtest).as("never re-entrantly inside onBar").noneMatch(l -> l.contains("INSIDE"));
        assertThat(replay).containsExactlyElementsOf(backtest);
    }

    static Stream<Arguments> eventCases() {
        return Stream.of(Arguments.of("sma-cross", "sample:eth-5m-2023"), Arguments.of("rsi-reversion", "sample:aapl-2013"),
            Arguments.of("ta4j-sma-cross", "sample:btc-ticks-2013"), Arguments.of("breakout-bracket", "sample:eth-5m-2023"),
            Arguments.of("breakout-bracket", "sample:aapl-2013"));
    }

    /**
     * Every line but the order id (bt-1 vs replay-20130102-1: the ids are the venue's business) and the free-text note;
     * a portfolio's last column, the symbol, stays.
     */
    static List<String> ordersWithoutIds(Path csv) throws IOException {
        List<String> out = new ArrayList<>();
        for (String line : Files.readAllLines(csv)) {
            List<String> c = new ArrayList<>(List.of(line.split(",", -1)));
            c.remove(8);   // note
            c.remove(1);   // order id
            out.add(String.join(",", c));
        }
        return out;
    }

    /**
     * Records each event as the strategy receives it, and whether it arrived inside {@code onBar} (it must not): the
     * order id becomes its ordinal, the venue's ids and execution ids are left out.
     */
    static final class Recording implements Strategy {
        private final Strategy inner;
        private final List<String> events;
        private final Map<String, Integer> ordinals = new HashMap<>();
        private boolean insideOnBar;

        Recording(Strategy inner, List<String> events) {
            this.inner = inner;
            this.events = events;
        }

        @Override public int lookback() { return inner.lookback(); }

        @Override public void onBar(BarWindow closed, StrategyContext ctx) {
            insideOnBar = true;
            try {
                inner.onBar(closed, ctx);
            } finally {
                insideOnBar = false;
            }
        }

        @Override public void onOrderEvent(OrderEvent e, StrategyContext ctx) {
            int n = ordinals.computeIfAbsent(e.orderId().value(), k -> ordinals.size() + 1);
            String what = switch (e) {
                case OrderEvent.Submitted s -> "Submitted";
                case OrderEvent.Accepted a -> "Accepted";
                case OrderEvent.Rejected r -> "Rejected";
                case OrderEvent.Filled x -> "Filled " + x.fill().side() + " " + x.fill().quantity().stripTrailingZeros().toPlainString()
                    + " @" + x.fill().price().stripTrailingZeros().toPlainString() + " leaves "
                    + x.leavesQuantity().stripTrailingZeros().toPlainString();
                case OrderEvent.Cancelled c -> "Cancelled";
            };
            events.add(what + " #" + n + " " + Instant.ofEpochMilli(e.timeMillis()) + (insideOnBar ? " INSIDE onBar" : ""));
            inner.onOrderEvent(e, ctx);
        }
    }
}
