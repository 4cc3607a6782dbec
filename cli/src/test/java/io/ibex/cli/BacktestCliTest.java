package io.ibex.cli;

import io.ibex.framework.strategy.StrategyRegistry;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/** `ibex backtest`, `ibex demo` and `ibex strategies` end to end, through the real picocli root command. */
class BacktestCliTest {
    @TempDir Path tmp;

    @Test
    void repeatedDataRunsOnePortfolioAndTheOutputsNameEverySymbolAndDataSet() throws IOException {
        Path out = tmp.resolve("portfolio");
        Cli r = Cli.run("backtest", "--data", "sample:aapl-2013", "--data", "sample:eth-5m-2023", "--strategy", "sma-cross",
            "--out", out.toString());

        assertThat(r.exitCode()).as(r.err()).isZero();
        assertThat(r.out()).contains("sample:aapl-2013, sample:eth-5m-2023: AAPL+ETH-USD").containsPattern("Open at end +(flat|(AAPL|ETH-USD) 1 unit, entry )");
        String summary = Files.readString(out.resolve("summary.json"));
        assertThat(summary).contains("\"data\": \"sample:aapl-2013, sample:eth-5m-2023\"");
        List<String> trades = Files.readAllLines(out.resolve("trades.csv"));
        assertThat(trades.get(0)).isEqualTo("entry_time,entry_price,exit_time,exit_price,side,quantity,pnl,commission,symbol");
        assertThat(trades.subList(1, trades.size())).anyMatch(l -> l.endsWith(",AAPL")).anyMatch(l -> l.endsWith(",ETH-USD"))
            .allMatch(l -> l.endsWith(",AAPL") || l.endsWith(",ETH-USD"));
        List<String> orders = Files.readAllLines(out.resolve("orders.csv"));
        assertThat(orders.get(0)).isEqualTo("time,order_id,event,side,quantity,type,price,commission,note,symbol");
        assertThat(Files.readString(out.resolve("report.html"))).contains("sample:aapl-2013, sample:eth-5m-2023")
            .contains("<th>symbol</th>").contains("Price of AAPL").contains("<td>ETH-USD</td>");
    }

    @Test
    void backtestWritesTheFiveOutputFilesWithTheContractedFormats() throws IOException {
        Path out = tmp.resolve("run");
        Cli r = Cli.run("backtest", "--data", "sample:aapl-2013", "--strategy", "sma-cross", "-p", "fast=10", "-p", "slow=30",
            "--out", out.toString());

        assertThat(r.exitCode()).as(r.err()).isZero();
        assertThat(r.err().lines()).allMatch(l -> l.startsWith("ibex backtest: warning: "));
        assertThat(r.out()).contains("sma-cross (fast=10 slow=30)").contains("report.html");
        try (var files = Files.list(out)) {
            assertThat(files.map(p -> p.getFileName().toString()))
                .containsExactlyInAnyOrder("summary.json", "trades.csv", "orders.csv", "equity.csv", "report.html");
        }
        String summary = Files.readString(out.resolve("summary.json"));
        assertThat(keys(summary)).containsExactly("strategy", "params", "fast", "slow", "data", "bars", "trades",
            "initial_cash", "final_equity", "total_return", "cagr", "sharpe", "sortino", "max_drawdown", "win_rate",
            "profit_factor", "commission", "elapsed_ms", "bars_per_second", // DESIGN.md keys, in order; then the extras
            "intrabar", "volatility", "max_drawdown_bars", "exposure", "average_trade", "sharpe_ci", "deflated_sharpe");
        assertThat(summary).contains("\"data\": \"sample:aapl-2013\"").contains("\"bars\": 252").contains("\"params\": {\"fast\": 10, \"slow\": 30}");

        List<String> trades = Files.readAllLines(out.resolve("trades.csv"));
        assertThat(trades.get(0)).isEqualTo("entry_time,entry_price,exit_time,exit_price,side,quantity,pnl,commission");
        int tradeCount = Integer.parseInt(value(summary, "trades"));
        assertThat(trades).hasSize(tradeCount + 1);
        assertThat(tradeCount).isPositive();
        assertThat(trades.get(1)).matches("2013-\\d\\d-\\d\\dT00:00:00Z,[0-9.]+,2013-\\d\\d-\\d\\dT00:00:00Z,[0-9.]+,long,1,-?[0-9.]+,0");

        List<String> equity = Files.readAllLines(out.resolve("equity.csv"));
        assertThat(equity.get(0)).isEqualTo("time,equity,drawdown");
        assertThat(equity).hasSize(253);

        List<String> orders = Files.readAllLines(out.resolve("orders.csv"));
        assertThat(orders.get(0)).startsWith("time,order_id,event,side,quantity,type,price");
        assertThat(orders.stream().filter(l -> l.contains(",filled,")).count()).isGreaterThanOrEqualTo(2L * tradeCount);

        String html = Files.readString(out.resolve("report.html"));
        assertThat(html).contains("<svg").contains("sma-cross").contains("sample:aapl-2013").doesNotContain("<script src")
            .doesNotContain("http://cdn").doesNotContain("https://");
    }

    @Test
    void theSharpeIntervalIsAnalyticByDefaultAndBootstrapOnRequestAndTheSpeedLineShowsEngineAndTotalTime() throws IOException {
        Path analytic = tmp.resolve("analytic"), bootstrap = tmp.resolve("bootstrap");
        Cli a = Cli.run("backtest", "--data", "sample:aapl-2013", "--strategy", "sma-cross", "--out", analytic.toString());
        Cli b = Cli.run("backtest", "--data", "sample:aapl-2013", "--strategy", "sma-cross", "--out", bootstrap.toString(),
            "--sharpe-ci", "bootstrap");
        assertThat(a.exitCode()).as(a.err()).isZero();
        assertThat(b.exitCode()).as(b.err()).isZero();
        assertThat(a.out()).containsPattern("Speed +252 bars: engine [0-9.]+ ms, total [0-9.]+ ms");
        String sa = Files.readString(analytic.resolve("summary.json")), sb = Files.readString(bootstrap.resolve("summary.json"));
        assertThat(value(sa, "sharpe")).isEqualTo(value(sb, "sharpe"));
        assertThat(sa.substring(sa.indexOf("\"sharpe_ci\""))).isNotEqualTo(sb.substring(sb.indexOf("\"sharpe_ci\"")));
        assertThat(Files.readString(analytic.resolve("report.html"))).contains("Sharpe 95% analytic interval");
        assertThat(Files.readString(bootstrap.resolve("report.html"))).contains("Sharpe 95% bootstrap interval");

        Cli bad = Cli.run("backtest", "--data", "sample:aapl-2013", "--strategy", "sma-cross", "--sharpe-ci", "magic");
        assertThat(bad.exitCode()).isEqualTo(2);
        assertThat(bad.err().strip()).contains("--sharpe-ci must be analytic or bootstrap").doesNotContain("\n");
    }

    @Test
    void sizingCommissionSlippageAndFillOptionsAreApplied() throws IOException {
        Path out = tmp.resolve("run");
        Cli r = Cli.run("backtest", "--data", "sample:eth-5m-2023", "--strategy", "sma-cross", "--percent-equity", "50",
            "--slippage-bps", "5", "--fill", "close", "--cash", "50000", "--out", out.toString());
        assertThat(r.exitCode()).as(r.err()).isZero();
        String summary = Files.readString(out.resolve("summary.json"));
        assertThat(summary).contains("\"initial_cash\": 50000");
        List<String> trades = Files.readAllLines(out.resolve("trades.csv"));
        assertThat(trades.size()).isGreaterThan(1);
        assertThat(trades.get(1).split(",")[5]).isNotEqualTo("1"); // percent of equity bought many units
    }

    @Test
    void ibkrFixedCommissionChargesTheOneDollarMinimumOnEachFillOfAHundredShares() throws IOException {
        Path out = tmp.resolve("run");
        Cli r = Cli.run("backtest", "--data", "sample:aapl-2013", "--strategy", "sma-cross", "--quantity", "100",
            "--commission", "ibkr-fixed", "--out", out.toString());
        assertThat(r.exitCode()).as(r.err()).isZero();
        List<String> trades = Files.readAllLines(out.resolve("trades.csv"));
        assertThat(trades.subList(1, trades.size())).isNotEmpty().allSatisfy(t -> assertThat(t).endsWith(",100," + pnlOf(t) + ",2"));
        String summary = Files.readString(out.resolve("summary.json"));
        long fills = Files.readAllLines(out.resolve("orders.csv")).stream().filter(l -> l.contains(",filled,")).count();
        assertThat(summary).contains("\"commission\": " + fills);
    }

    private static String pnlOf(String tradeRow) { return tradeRow.split(",")[6]; }

    @Test
    void demoRunsTheShippedStrategyOnShippedDataAndSaysWhereTheReportIs() {
        Path out = tmp.resolve("demo");
        Cli r = Cli.run("demo", "--out", out.toString());
        assertThat(r.exitCode()).as(r.err()).isZero();
        assertThat(r.out()).contains("sma-cross").contains("Total return").contains("Report: " + out.toAbsolutePath().resolve("report.html"));
        assertThat(out.resolve("report.html")).exists();
    }

    @Test
    void strategiesListsEveryBuiltInStrategyWithItsParameters() {
        Cli r = Cli.run("strategies");
        assertThat(r.exitCode()).isZero();
        assertThat(r.out()).contains("sma-cross").contains("rsi-reversion").contains("bollinger-breakout")
            .contains("-p fast=10 (int 1..500)").contains("-p slow=30");
    }

    @Test
    void aPluginJarIsListedAndBacktestedAndItsSha256IsReported() throws IOException {
        Path jar = PluginJar.build(tmp.resolve("plugin"), "buy-and-hold");
        String sha = StrategyRegistry.sha256(jar);

        Cli list = Cli.run("strategies", "--plugin", jar.toString());
        assertThat(list.exitCode()).as(list.err()).isZero();
        assertThat(list.out()).contains("buy-and-hold  (version 7, plugin " + jar + " sha256 " + sha + ")").contains("sma-cross");

        Path out = tmp.resolve("run");
        Cli run = Cli.run("backtest", "--data", "sample:aapl-2013", "--strategy", "buy-and-hold", "-p", "qty=3",
            "--plugin", jar.toString(), "--out", out.toString());
        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(Files.readString(out.resolve("summary.json"))).contains("\"plugins\": {\"" + jar + "\": \"" + sha + "\"}");
        assertThat(Files.readString(out.resolve("report.html"))).contains(sha);
        assertThat(Files.readAllLines(out.resolve("orders.csv"))).anyMatch(l -> l.contains(",filled,BUY,3,MKT,"));
    }

    @Test
    void aPluginStrategyThatThrowsIsNamedWithTheBarTimeAndExitsWithTheStrategyFailedCode() throws IOException {
        Path jar = PluginJar.build(tmp.resolve("plugin"), "boom", """
            new Strategy() {
                int bars;
                public void onBar(BarWindow w, StrategyContext ctx) { if (++bars == 50) throw new IllegalStateException("boom"); }
            }""");
        Path logs = tmp.resolve("logs");
        System.setProperty("ibex.logs", logs.toString());
        try {
            Cli r = Cli.run("backtest", "--data", "sample:aapl-2013", "--strategy", "boom", "--plugin", jar.toString());
            assertThat(r.exitCode()).isEqualTo(5);
            // AAPL 2013's 50th daily bar is 2013-03-14
            assertThat(r.err().strip().lines()).singleElement().asString()
                .startsWith("ibex backtest: strategy boom failed at bar 2013-03-14").contains(": IllegalStateException: boom")
                .contains("stack trace in " + logs.resolve("last-error.log")).doesNotContain("unexpected");
            assertThat(Files.readString(logs.resolve("last-error.log"))).contains("Caused by: java.lang.IllegalStateException: boom");
        } finally {
            System.clearProperty("ibex.logs");
        }
    }

    private static List<String> keys(String json) {
        List<String> keys = new ArrayList<>();
        Matcher m = Pattern.compile("\"([a-z_]+)\":").matcher(json);
        while (m.find()) keys.add(m.group(1));
        return keys;
    }

    private static String value(String json, String key) {
        Matcher m = Pattern.compile("\"" + key + "\": ([^,\\n]+)").matcher(json);
        if (!m.find()) throw new AssertionError("no " + key + " in " + json);
        return m.group(1);
    }

    @Test
    void dbOptionPicksTheBarStoreForDbSourcesAndGivesTheSameTradesAsTheFile() throws IOException {
        Path db = tmp.resolve("store/bars");
        Cli imported = Cli.run("data", "import", "--db", db.toString(), "--symbol", "AAPL",
            extractSample("aapl-2013.csv").toString());
        assertThat(imported.exitCode()).as(imported.err()).isZero();

        Path fromDb = tmp.resolve("from-db");
        Path fromFile = tmp.resolve("from-file");
        Cli a = Cli.run("backtest", "--data", "db:AAPL@1d", "--db", db.toString(), "--strategy", "sma-cross", "--out", fromDb.toString());
        Cli b = Cli.run("backtest", "--data", "sample:aapl-2013", "--strategy", "sma-cross", "--out", fromFile.toString());

        assertThat(a.exitCode()).as(a.err()).isZero();
        assertThat(b.exitCode()).as(b.err()).isZero();
        assertThat(Files.readAllLines(fromDb.resolve("trades.csv"))).isEqualTo(Files.readAllLines(fromFile.resolve("trades.csv")))
            .hasSizeGreaterThan(1);
        Cli missing = Cli.run("backtest", "--data", "db:MSFT@1d", "--db", db.toString(), "--strategy", "sma-cross");
        assertThat(missing.exitCode()).isEqualTo(2);
        assertThat(missing.err().strip()).doesNotContain("\n").contains("MSFT");
    }

    private Path extractSample(String resource) throws IOException {
        Path file = tmp.resolve(resource);
        try (var in = io.ibex.data.BarSources.class.getResourceAsStream("samples/" + resource)) {
            Files.copy(in, file);
        }
        return file;
    }
}
