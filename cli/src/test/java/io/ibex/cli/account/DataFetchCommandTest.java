package io.ibex.cli.account;

import io.ibex.data.H2BarStore;
import io.ibex.framework.domain.Bars;
import io.ibex.framework.domain.Instrument;
import io.ibex.gateway.GatewayClock;
import io.ibex.gateway.ManualClock;
import io.ibex.sim.Account;
import io.ibex.sim.GatewaySimulator;
import io.ibex.sim.JournalEntry;
import io.ibex.sim.PriceScript;
import io.ibex.sim.Route;
import io.ibex.sim.SessionState;
import io.ibex.sim.SimClock;
import io.ibex.sim.SimInstrument;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/** {@code ibex data fetch} end to end: real HTTPS to the gateway simulator, bars into a temporary H2 file store. */
class DataFetchCommandTest {
    private static final Instant START = Instant.parse("2026-03-02T14:00:00Z");

    @TempDir Path dir;
    private GatewaySimulator sim;

    @AfterEach void stop() {
        GatewayClientCommand.clock = GatewayClock.SYSTEM;
        if (sim != null) sim.close();
    }

    /** {@code n} one-minute bars whose 4-tick expansion in the simulator loses nothing (cents, volumes divisible by 4). */
    private static Bars minuteBars(int n) {
        Bars.Builder b = Bars.builder(Instrument.of("AAPL"), "test");
        for (int i = 0; i < n; i++) {
            double o = cents(100 + (i * 37 % 200) / 100.0), c = cents(o + ((i * 13 % 9) - 4) / 100.0);
            b.add(START.toEpochMilli() + i * 60_000L, o, cents(Math.max(o, c) + 0.05), cents(Math.min(o, c) - 0.04), c, 4.0 * (10 + i % 50));
        }
        return b.build();
    }

    private static double cents(double v) { return Math.round(v * 100) / 100.0; }

    private GatewaySimulator simulatorOf(Bars bars, Duration after) {
        return GatewaySimulator.builder()
            .clock(SimClock.manual(Instant.ofEpochMilli(bars.time(bars.size() - 1)).plus(after)))
            .initialSession(SessionState.AUTHENTICATED).account(Account.paper("DU1234567").cash("USD", 100_000))
            .instrument(SimInstrument.aapl().prices(PriceScript.bars(bars))).start();
    }

    private CliRun fetch(String... args) {
        List<String> all = new ArrayList<>(List.of(args));
        all.add("--gateway=" + sim.rootUrl());
        all.add("--gateway-cert=" + sim.writeCertificatePem(dir.resolve("sim.pem")));
        all.add("--db=" + dir.resolve("bars"));
        StringWriter out = new StringWriter(), err = new StringWriter();
        int exit = new CommandLine(new DataFetchCommand()).setOut(new PrintWriter(out)).setErr(new PrintWriter(err))
            .execute(all.toArray(String[]::new));
        return new CliRun(exit, out.toString(), err.toString());
    }

    private List<JournalEntry> historyCalls() { return sim.journal().matching(Route.get("/iserver/marketdata/history")); }

    @Test
    void pagedBarsLandInTheStoreEqualToTheSimulatorsBarsAndARefetchChangesNothing() {
        Bars source = minuteBars(4000);
        sim = simulatorOf(source, Duration.ofMinutes(30));
        sim.faults().on(Route.get("/iserver/marketdata/history")).latency(Duration.ofMillis(150));

        CliRun r = fetch("AAPL", "--period", "3d", "--bar", "1m");

        assertThat(r.exit()).as(r.err()).isZero();
        assertThat(r.out()).contains("fetched 4000 bars of AAPL@1m").contains("4000 new");
        assertThat(r.err()).contains("requests, 4000 bars").doesNotContain("Exception");
        try (H2BarStore store = H2BarStore.open(dir.resolve("bars").toString())) {
            Bars stored = store.load("AAPL", Duration.ofMinutes(1));
            assertThat(stored.size()).isEqualTo(source.size());
            for (int i = 0; i < source.size(); i++) {
                assertThat(stored.time(i)).as("time of bar %d", i).isEqualTo(source.time(i));
                assertThat(new double[] {stored.open(i), stored.high(i), stored.low(i), stored.close(i), stored.volume(i)}).as("bar %d", i)
                    .containsExactly(new double[] {source.open(i), source.high(i), source.low(i), source.close(i), source.volume(i)}, within(1e-9));
            }
        }
        List<JournalEntry> calls = historyCalls();
        assertThat(calls.size()).as("one request cannot carry more than 1000 bars").isGreaterThanOrEqualTo(9);
        assertThat(calls).as("the simulator answers a 6th concurrent history request with 429")
            .allSatisfy(e -> assertThat(e.status()).isNotEqualTo(429));
        assertThat(maxOverlap(calls)).as("pages were fetched in parallel").isBetween(2, 5);

        CliRun again = fetch("AAPL", "--period", "3d", "--bar", "1m");
        assertThat(again.exit()).isZero();
        assertThat(again.out()).contains("nothing changed");
    }

    @Test
    void aYearOfDailyBarsIsOneRequest() {
        Bars.Builder b = Bars.builder(Instrument.of("AAPL"), "test");
        long midnight = Instant.parse("2025-01-01T00:00:00Z").toEpochMilli(); // IBKR daily bars are stamped at the day
        for (int i = 0; i < 300; i++) b.add(midnight + i * 86_400_000L, 100, 101.5, 99.25, 100.5, 4_000);
        Bars source = b.build();
        sim = simulatorOf(source, Duration.ofDays(1));

        CliRun r = fetch("AAPL", "--period", "1y", "--bar", "1d");

        assertThat(r.exit()).as(r.err()).isZero();
        assertThat(historyCalls()).singleElement().satisfies(e -> assertThat(e.query()).contains("period=1y").contains("bar=1d"));
        try (H2BarStore store = H2BarStore.open(dir.resolve("bars").toString())) {
            assertThat(store.load("AAPL", Duration.ofDays(1)).size()).isEqualTo(300);
        }
    }

    @Test
    void noDataIsOneClearLineAndNothingIsStored() {
        GatewayClientCommand.clock = new ManualClock(); // the client's GET retries then wait on this clock, not the wall
        sim = simulatorOf(minuteBars(10), Duration.ofDays(-1)); // the clock stands before the first bar

        CliRun r = fetch("AAPL", "--period", "1d", "--bar", "1m");

        assertThat(r.exit()).as(r.err()).isEqualTo(GatewayClientCommand.FAILED);
        assertThat(r.err().lines().filter(l -> l.startsWith("ibex data fetch:")).toList()).singleElement().asString()
            .contains("no 1min bars of AAPL (conid 265598)").contains("No data.");
        assertThat(r.err()).doesNotContain("Exception").doesNotContain("\tat ");
        try (H2BarStore store = H2BarStore.open(dir.resolve("bars").toString())) {
            assertThat(store.list()).isEmpty();
        }
    }

    @Test
    void aPageThatFailsMidwayWritesNothingAndEndsInOneLine() {
        sim = simulatorOf(minuteBars(2000), Duration.ofMinutes(5));
        sim.faults().on(Route.get("/iserver/marketdata/history")).nth(3).respond(400, "{\"error\":\"chart data unavailable\"}");

        CliRun r = fetch("AAPL", "--period", "2d", "--bar", "1m");

        assertThat(r.exit()).isEqualTo(GatewayClientCommand.FAILED);
        assertThat(r.err().lines().filter(l -> l.startsWith("ibex data fetch:")).toList()).singleElement().asString()
            .contains("400").contains("chart data unavailable");
        assertThat(r.err()).doesNotContain("\tat ");
        try (H2BarStore store = H2BarStore.open(dir.resolve("bars").toString())) {
            assertThat(store.list()).as("no partial series").isEmpty();
        }
    }

    @Test
    void anAmbiguousPeriodIsRejectedBeforeAnyRequest() {
        sim = simulatorOf(minuteBars(10), Duration.ofMinutes(1));
        CliRun r = fetch("AAPL", "--period", "6m", "--bar", "1d");
        assertThat(r.exit()).isEqualTo(GatewayClientCommand.BAD_INPUT);
        assertThat(r.err().strip()).isEqualTo("ibex data fetch: --period 6m is ambiguous: write 6mo for months or 6min for minutes");
        assertThat(sim.journal().entries()).isEmpty();
    }

    /** The most requests the simulator was serving at one moment (from each entry's start and duration). */
    private static int maxOverlap(List<JournalEntry> calls) {
        int best = 0;
        for (JournalEntry a : calls) {
            int n = 0;
            for (JournalEntry b : calls)
                if (b.wallTimeMillis() <= a.wallTimeMillis() && a.wallTimeMillis() < b.wallTimeMillis() + b.elapsedMillis()) n++;
            best = Math.max(best, n);
        }
        return best;
    }
}
