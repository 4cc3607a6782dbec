package io.ibex.cli;

import io.ibex.backtest.BacktestConfig;
import io.ibex.backtest.PortfolioEngine;
import io.ibex.cli.backtest.BacktestRequest;
import io.ibex.execution.commission.CommissionModels;
import io.ibex.cli.backtest.BacktestRun;
import io.ibex.backtest.report.SharpeCi;
import io.ibex.data.BarSources;
import io.ibex.framework.domain.Bars;
import io.ibex.framework.strategy.Params;
import io.ibex.framework.strategy.Sizing;
import io.ibex.framework.strategy.Strategy;
import io.ibex.framework.strategy.StrategyFactory;
import io.ibex.framework.strategy.StrategyRegistry;
import io.ibex.cli.replay.ReplayRun;
import io.ibex.sim.SimCommission;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.io.IOException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A three-symbol portfolio replay ({@code ibex live --gateway sim} with three {@code --sim-data SRC --symbol SYM} pairs)
 * writes the same orders.csv and trades.csv, symbol column included, as {@code ibex backtest} with the same three
 * {@code --data}: AAPL 2013, a mirror of it (the year's bars in reverse order, so it crosses elsewhere) and a series that
 * starts late and misses every seventh bar (a symbol with no bar at a time is not called). Prices are whole cents: the
 * gateway simulator trades a stock at its 0.01 tick, as IBKR does.
 */
class PortfolioReplayParityTest {
    @TempDir static Path data;
    static List<String> sources;

    @BeforeAll
    static void threeSeries() throws IOException {
        Bars aapl = BarSources.load("sample:aapl-2013", null);
        int n = aapl.size();
        List<String> mirror = new ArrayList<>(), gappy = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            int j = n - 1 - i;   // the mirror's bar i has the prices of AAPL's bar n-1-i
            mirror.add(row(aapl, i, aapl.open(j) / 2, aapl.high(j) / 2, aapl.low(j) / 2, aapl.close(j) / 2, aapl.volume(j)));
            if (i >= 20 && i % 7 != 3)
                gappy.add(row(aapl, i, aapl.open(i) / 4, aapl.high(i) / 4, aapl.low(i) / 4, aapl.close(i) / 4, aapl.volume(i)));
        }
        sources = List.of("sample:aapl-2013", write("MIRR.csv", mirror), write("GAPY.csv", gappy));
    }

    private static String row(Bars b, int i, double o, double h, double l, double c, double v) {
        return Instant.ofEpochMilli(b.time(i)).atZone(ZoneOffset.UTC).toLocalDate() + "," + px(o) + "," + px(h) + "," + px(l) + ","
            + px(c) + "," + (long) v;
    }

    private static String px(double v) { return BigDecimal.valueOf(v).setScale(2, RoundingMode.HALF_EVEN).toPlainString(); }

    private static String write(String name, List<String> rows) throws IOException {
        List<String> lines = new ArrayList<>(List.of("date,open,high,low,close,volume"));
        lines.addAll(rows);
        return Files.write(data.resolve(name), lines).toString();
    }

    static Stream<Arguments> cases() {
        return Stream.of(Arguments.of("sim", "--quantity", "1", "none"), Arguments.of("memory", "--quantity", "1", "none"),
            Arguments.of("sim", "--percent-equity", "30", "none"), Arguments.of("memory", "--percent-equity", "30", "none"),
            // under 200 shares a fill pays the 1.00 minimum: the simulator reports commissions to the cent (1.315 reads 1.32)
            Arguments.of("sim", "--percent-equity", "10", "ibkr-fixed"));
    }

    @ParameterizedTest(name = "via --venue {0} with {1} {2}, --commission {3}")
    @MethodSource("cases")
    void aThreeSymbolReplayWritesTheSameOrdersAndTradesAsThePortfolioBacktest(String venue, String sizing, String value,
                                                                            String commission, @TempDir Path dir) throws IOException {
        Path bt = dir.resolve("bt"), live = dir.resolve("live");
        BacktestConfig config = BacktestConfig.defaults().withCommission(CommissionModels.parse(commission))
            .withSizing(sizing.equals("--quantity")
                ? new Sizing.FixedQuantity(new BigDecimal(value)) : new Sizing.PercentOfEquity(Double.parseDouble(value)));
        BacktestRun.execute(new BacktestRequest(sources.get(0), null, null, "sma-cross", Map.of(), config, bt,
            List.of(), sources.subList(1, 3), null, SharpeCi.ANALYTIC));
        Cli r = Cli.run("live", "--gateway", "sim", "--speed", "max", "--strategy", "sma-cross", sizing, value,
            "--commission", commission, "--venue", venue, "--out", live.toString(),
            "--sim-data", sources.get(0), "--symbol", "AAPL", "--sim-data", sources.get(1), "--symbol", "MIRR",
            "--sim-data", sources.get(2), "--symbol", "GAPY");
        assertThat(r.err()).isEmpty();
        assertThat(r.exitCode()).isZero();

        List<String> btTrades = Files.readAllLines(bt.resolve("trades.csv"));
        assertThat(btTrades.get(0)).endsWith(",symbol");
        for (String sym : List.of("AAPL", "MIRR", "GAPY"))
            assertThat(btTrades).as("every symbol trades, or parity proves little").anyMatch(l -> l.endsWith("," + sym));
        assertThat(Files.readAllLines(live.resolve("trades.csv"))).containsExactlyElementsOf(btTrades);
        List<String> btOrders = ReplayParityTest.ordersWithoutIds(bt.resolve("orders.csv"));
        assertThat(btOrders.get(0)).endsWith(",symbol");
        assertThat(ReplayParityTest.ordersWithoutIds(live.resolve("orders.csv"))).containsExactlyElementsOf(btOrders);
    }

    @Test
    void eachSymbolsStrategyInstanceSeesTheSameOrderEventsAsInThePortfolioBacktest() {
        StrategyFactory f = StrategyRegistry.builtIn().find("sma-cross");
        List<Bars> series = sources.stream().map(s -> BarSources.load(s, null)).toList();
        List<List<String>> backtest = new ArrayList<>(), replay = new ArrayList<>();
        new PortfolioEngine(BacktestConfig.defaults()).run(series, in -> recording(f, backtest));
        List<ReplayRun.Source> pairs = sources.stream().map(s -> new ReplayRun.Source(s, null)).toList();
        ReplayRun.execute(new ReplayRun.Request(pairs, null, "sma-cross", Map.of(), new Sizing.FixedQuantity(BigDecimal.ONE),
            new BigDecimal("100000"), null, null, List.of(), ReplayRun.Venue.SIMULATOR, SimCommission.NONE),
            s -> new ReplayParityTest.Recording(s, next(replay)));

        assertThat(backtest).hasSize(3).allSatisfy(events -> assertThat(events).anyMatch(l -> l.startsWith("Filled")));
        assertThat(replay).containsExactlyElementsOf(backtest);   // instances are made in serving order in both
    }

    private static Strategy recording(StrategyFactory f, List<List<String>> all) {
        return new ReplayParityTest.Recording(f.create(Params.resolve(f.name(), f.params(), Map.of())), next(all));
    }

    private static List<String> next(List<List<String>> all) {
        all.add(new ArrayList<>());
        return all.getLast();
    }

    @Test
    void unpairedSourcesADuplicateSymbolAndASampleUnderAnotherSymbolAreOneLineWithExitTwo() {
        Cli unpaired = replay("--sim-data", sources.get(0), "--symbol", "AAPL", "--sim-data", sources.get(1));
        assertThat(unpaired.exitCode()).isEqualTo(2);
        assertThat(unpaired.err().strip())
            .isEqualTo("ibex live: a replay pairs each --sim-data with one --symbol: got 2 --sim-data and 1 --symbol [AAPL]");

        Cli twice = replay("--sim-data", sources.get(1), "--symbol", "MIRR", "--sim-data", sources.get(2), "--symbol", "mirr");
        assertThat(twice.exitCode()).isEqualTo(2);
        assertThat(twice.err().strip()).isEqualTo("ibex live: --sim-data " + sources.get(2) + ": symbol MIRR already comes from"
            + " --sim-data " + sources.get(1) + "; give each symbol once");

        Cli wrong = replay("--sim-data", sources.get(1), "--symbol", "MIRR", "--sim-data", "sample:aapl-2013", "--symbol", "GAPY");
        assertThat(wrong.exitCode()).isEqualTo(2);
        assertThat(wrong.err().strip()).startsWith("ibex live: sample:aapl-2013 holds AAPL bars, not GAPY").doesNotContain("\n");
    }

    private static Cli replay(String... pairs) {
        List<String> args = new ArrayList<>(List.of("live", "--gateway", "sim", "--strategy", "sma-cross"));
        args.addAll(List.of(pairs));
        return Cli.run(args.toArray(String[]::new));
    }
}
