package io.ibex.cli;

import io.ibex.backtest.BacktestConfig;
import io.ibex.backtest.OrderLogEntry;
import io.ibex.backtest.cli.BacktestRequest;
import io.ibex.backtest.cli.BacktestRun;
import io.ibex.framework.domain.Fill;
import io.ibex.live.runner.OrderLogRow;
import io.ibex.live.runner.replay.ReplayRun;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Replay parity: every shipped strategy on sample:aapl-2013, run through the live path (bar builder, staleness guard,
 * risk, journal, router, then either GatewayOrders over HTTPS to the step-driven gateway simulator or the in-memory
 * replay venue) and through the backtest engine, places the same orders: same side, quantity
 * and bar time, filled at the same price on the same bar. Lives here because only cli sees both modules.
 */
class ReplayParityTest {
    static final String DATA = "sample:aapl-2013";

    @ParameterizedTest(name = "{0} via {1}")
    @CsvSource({"sma-cross,SIMULATOR", "rsi-reversion,SIMULATOR", "bollinger-breakout,SIMULATOR",
        "sma-cross,MEMORY", "rsi-reversion,MEMORY", "bollinger-breakout,MEMORY"})
    void liveThroughTheReplayPlacesTheSameOrdersAsTheBacktest(String strategy, ReplayRun.Venue venue) {
        BacktestRun.Outcome bt = BacktestRun.execute(new BacktestRequest(DATA, null, null, strategy, Map.of(),
            BacktestConfig.defaults(), null, List.of()));
        ReplayRun.Outcome live = ReplayRun.execute(new ReplayRun.Request(DATA, null, null, strategy, Map.of(), BigDecimal.ONE,
            new BigDecimal("100000"), null, null, List.of(), venue));

        List<String> btOrders = bt.result().orders().stream().map(ReplayParityTest::line).toList();
        List<String> liveOrders = live.orders().stream().map(ReplayParityTest::line).toList();
        assertThat(live.strategyFailed()).isFalse();
        assertThat(btOrders).as("the backtest must trade at all, or parity proves nothing").anyMatch(l -> l.startsWith("filled"));
        assertThat(liveOrders).containsExactlyElementsOf(btOrders);
        assertThat(live.fills()).extracting(ReplayParityTest::fillLine)
            .containsExactlyElementsOf(btOrders.stream().filter(l -> l.startsWith("filled")).toList());
    }

    static String line(OrderLogEntry e) {
        return e.event() + " " + Instant.ofEpochMilli(e.timeMillis()) + " " + e.side() + " " + e.quantity().stripTrailingZeros().toPlainString()
            + (e.event().equals("filled") ? " @" + e.price().stripTrailingZeros().toPlainString() : "");
    }

    static String line(OrderLogRow e) {
        return e.event() + " " + Instant.ofEpochMilli(e.timeMillis()) + " " + e.side() + " " + e.quantity().stripTrailingZeros().toPlainString()
            + (e.event().equals("filled") ? " @" + e.price().stripTrailingZeros().toPlainString() : "");
    }

    static String fillLine(Fill f) {
        return "filled " + Instant.ofEpochMilli(f.timeMillis()) + " " + f.side() + " " + f.quantity().stripTrailingZeros().toPlainString()
            + " @" + f.price().stripTrailingZeros().toPlainString();
    }
}
