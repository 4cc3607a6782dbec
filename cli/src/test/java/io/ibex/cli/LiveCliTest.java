package io.ibex.cli;

import io.ibex.live.journal.OrderJournal;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.InstantSource;

import static org.assertj.core.api.Assertions.assertThat;

class LiveCliTest {
    @TempDir Path dir;

    @Test
    void aReplayThroughTheLivePathWritesTheBacktestFileFormats() throws Exception {
        Path out = dir.resolve("run");
        Cli r = Cli.run("live", "--gateway", "sim", "--sim-data", "sample:aapl-2013", "--speed", "max", "--strategy", "sma-cross",
            "--symbol", "AAPL", "--out", out.toString(), "--journal", dir.resolve("j").toString());
        assertThat(r.err()).isEmpty();
        assertThat(r.exitCode()).isZero();
        assertThat(r.out()).contains("replayed 252 bars of sample:aapl-2013").contains("(gateway simulator)");
        assertThat(Files.readAllLines(out.resolve("trades.csv")).get(0))
            .isEqualTo("entry_time,entry_price,exit_time,exit_price,side,quantity,pnl,commission");
        assertThat(Files.readAllLines(out.resolve("orders.csv")).get(0)).isEqualTo("time,order_id,event,side,quantity,type,price,commission,note");
        assertThat(Files.readAllLines(out.resolve("orders.csv"))).anySatisfy(l -> assertThat(l).containsPattern(",replay[a-z0-9]{6}-").contains(",filled,"));
        // every intent row carries the strategy stamp
        try (OrderJournal j = OrderJournal.open(dir.resolve("j"), "replay", InstantSource.system())) {
            assertThat(j.intents()).isNotEmpty().allSatisfy(i -> {
                assertThat(i.draft().strategy()).isEqualTo("sma-cross");
                assertThat(i.draft().strategySha256()).isEqualTo("built-in");
            });
        }
    }

    @Test
    void aStrategyThatFailsInAReplayExitsFiveNamingTheStrategyTheBarAndTheException() throws Exception {
        Path jar = PluginJar.build(dir.resolve("plugin"), "boom", "(w, ctx) -> { throw new IllegalStateException(\"boom\"); }");
        Cli r = Cli.run("live", "--gateway", "sim", "--sim-data", "sample:aapl-2013", "--strategy", "boom", "--symbol", "AAPL",
            "--plugin", jar.toString());
        assertThat(r.exitCode()).isEqualTo(5);
        assertThat(r.err()).startsWith("ibex live: strategy boom FAILED at the bar closing 2013-")
            .contains("after 3 consecutive errors: IllegalStateException: boom")
            .doesNotContain("\tat ");
    }

    @Test
    void breakoutBracketRunsLiveThroughTheSimulatorWithItsBracketsOcaCancelsAndExpiries() throws Exception {
        Path out = dir.resolve("bracket");
        Cli r = Cli.run("live", "--gateway", "sim", "--sim-data", "sample:aapl-2013", "--speed", "max", "--strategy", "breakout-bracket",
            "--symbol", "AAPL", "--out", out.toString());
        assertThat(r.err()).isEmpty();
        assertThat(r.exitCode()).isZero();
        java.util.List<String> orders = Files.readAllLines(out.resolve("orders.csv"));
        assertThat(orders).anyMatch(l -> l.contains(",filled,SELL,1,LMT,"))      // a take-profit
            .anyMatch(l -> l.contains(",filled,SELL,1,STP,"))                      // a stop-loss
            .anyMatch(l -> l.contains(",cancelled,BUY,1,STP,"));                   // an entry that expired
        assertThat(Files.readAllLines(out.resolve("trades.csv"))).hasSizeGreaterThan(1);
    }

    @Test
    void aReplayOfOneInstrumentsSampleUnderAnotherSymbolIsRefused() {
        Cli r = Cli.run("live", "--gateway", "sim", "--sim-data", "sample:eth-5m-2023", "--strategy", "sma-cross", "--symbol", "AAPL");
        assertThat(r.exitCode()).isEqualTo(2);
        assertThat(r.err()).contains("sample:eth-5m-2023 holds ETH-USD bars, not AAPL");
        assertThat(Cli.run("live", "--gateway", "sim", "--sim-data", "sample:eth-5m-2023", "--strategy", "sma-cross", "--symbol", "ETH")
            .exitCode()).isZero();
    }

    @Test
    void percentEquityAndQuantityTogetherAreOneLineWithExitTwo() {
        Cli r = Cli.run("live", "--gateway", "sim", "--sim-data", "sample:aapl-2013", "--strategy", "sma-cross", "--symbol", "AAPL",
            "--quantity", "2", "--percent-equity", "10");
        assertThat(r.exitCode()).isEqualTo(2);
        assertThat(r.err()).contains("give --quantity or --percent-equity, not both");
        Cli c = Cli.run("live", "--gateway", "sim", "--sim-data", "sample:aapl-2013", "--strategy", "sma-cross", "--symbol", "AAPL",
            "--commission", "ibkr-tiered");
        assertThat(c.exitCode()).isEqualTo(2);
        assertThat(c.err()).contains("--commission ibkr-tiered is not available in a replay");
    }

    @Test
    void aSecondRunnerOnALockedJournalExitsWithCodeThreeBeforeAnyNetworkCall() {
        Path j = dir.resolve("journal");
        try (OrderJournal held = OrderJournal.open(j, "ibex", InstantSource.system())) {
            // port 9 on loopback: nothing listens; reaching it would fail differently, after the lock check
            Cli r = Cli.run("live", "--strategy", "sma-cross", "--symbol", "AAPL", "--journal", j.toString(),
                "--out", dir.toString(), "--gateway", "https://127.0.0.1:9");
            assertThat(r.exitCode()).isEqualTo(3);
            assertThat(r.err()).startsWith("ibex live: journal locked by pid " + ProcessHandle.current().pid());
        }
    }

    @Test
    void haltCreatesTheKillSwitchFileAndAHaltedRunRefusesToStart() {
        Cli h = Cli.run("live", "halt", "--out", dir.toString());
        assertThat(h.exitCode()).isZero();
        assertThat(dir.resolve("HALT")).exists();
        Cli r = Cli.run("live", "--strategy", "sma-cross", "--symbol", "AAPL", "--out", dir.toString(), "--gateway", "https://127.0.0.1:9");
        assertThat(r.exitCode()).isEqualTo(2);
        assertThat(r.err()).contains("is HALTED").doesNotContain("\tat ");
    }

    @Test
    void aLiveAccountWithoutTheOptInExitsWithCodeFourBeforeAnyOrder() {
        try (io.ibex.sim.GatewaySimulator sim = io.ibex.sim.GatewaySimulator.builder()
                .initialSession(io.ibex.sim.SessionState.AUTHENTICATED)
                .account(io.ibex.sim.Account.live("U7654321").cash("USD", 100_000))
                .instrument(io.ibex.sim.SimInstrument.aapl()).start()) {
            Path pem = sim.writeCertificatePem(dir.resolve("gw.pem"));
            Cli r = Cli.run("live", "--strategy", "sma-cross", "--symbol", "AAPL", "--out", dir.resolve("run").toString(),
                "--gateway", sim.rootUrl(), "--gateway-cert", pem.toString());
            assertThat(r.exitCode()).isEqualTo(4);
            assertThat(r.err()).contains("not a paper (DU...) account").contains("U7****21").doesNotContain("U7654321");
            assertThat(sim.orders().all()).isEmpty();
        }
    }

    @Test
    void theInMemoryVenueStaysAvailableAndAnUnknownVenueIsOneLineWithExitTwo() {
        Cli memory = Cli.run("live", "--gateway", "sim", "--sim-data", "sample:aapl-2013", "--strategy", "sma-cross",
            "--symbol", "AAPL", "--venue", "memory");
        assertThat(memory.exitCode()).isZero();
        assertThat(memory.out()).contains("replayed 252 bars of sample:aapl-2013 through the live path (memory venue)");
        Cli bad = Cli.run("live", "--gateway", "sim", "--sim-data", "sample:aapl-2013", "--strategy", "sma-cross",
            "--symbol", "AAPL", "--venue", "moon");
        assertThat(bad.exitCode()).isEqualTo(2);
        assertThat(bad.err().strip()).isEqualTo("ibex live: --venue moon is not known; use sim (the gateway simulator) or memory");
    }

    @Test
    void badInputIsOneLineWithExitTwo() {
        Cli r = Cli.run("live", "--gateway", "sim", "--sim-data", "sample:aapl-2013", "--strategy", "sma-cross", "--symbol", "AAPL",
            "--quantity", "-1");
        assertThat(r.exitCode()).isEqualTo(2);
        assertThat(r.err().strip()).isEqualTo("ibex live: --quantity must be positive, was -1");
    }
}
