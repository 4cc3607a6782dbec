package io.ibex.sim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.ibex.framework.domain.Bars;
import io.ibex.framework.domain.Instrument;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Market paths (§3.3): bars to ticks, CSV ticks with file:line errors, seeded walks, clock and step driving. */
class PriceScriptTest {
    @TempDir Path tmp;

    private static Bars twoBars() {
        return Bars.builder(Instrument.of("AAPL"), "test").add(60_000, 10, 12, 9, 11, 400).add(120_000, 11, 11.5, 8, 8.5, 800).build();
    }

    @Test void anUpBarGoesOpenHighLowCloseAndADownBarOpenLowHighClose() {
        PriceScript s = PriceScript.bars(twoBars());
        assertThat(s.ticks).extracting(Tick::last).containsExactly(10.0, 12.0, 9.0, 11.0, 11.0, 8.0, 11.5, 8.5);
        assertThat(s.ticks).extracting(Tick::atMillis).containsExactly(60_000L, 75_000L, 90_000L, 105_000L, 120_000L, 135_000L, 150_000L, 165_000L);
        assertThat(s.ticks.get(0).ask() - s.ticks.get(0).bid()).isCloseTo(0.02, org.assertj.core.api.Assertions.within(1e-9));
    }

    @Test void aBadCsvTickLineNamesFileAndLine() throws Exception {
        Path f = Files.writeString(tmp.resolve("t.csv"), "at_iso,last,bid,ask,bidSize,askSize,lastSize,cumVolume\n"
            + "2026-03-02T14:30:00Z,189.5,189.49,189.51,100,100,10,10\n2026-03-02T14:30:01Z,oops,1,1,1,1,1,1\n");
        assertThatThrownBy(() -> PriceScript.csv(f)).isInstanceOf(IllegalArgumentException.class).hasMessageStartingWith(f + ":3 ");
    }

    @Test void aSeededWalkIsReproducible() {
        assertThat(PriceScript.randomWalk(7, 100, 5).ticks).isEqualTo(PriceScript.randomWalk(7, 100, 5).ticks);
        assertThat(PriceScript.randomWalk(7, 100, 5).ticks).isNotEqualTo(PriceScript.randomWalk(8, 100, 5).ticks);
    }

    @Test void theCurrentTickIsTheLastOneAtOrBeforeTheClock() {
        Bars bars = twoBars();
        try (GatewaySimulator sim = GatewaySimulator.builder().clock(SimClock.manual(java.time.Instant.ofEpochMilli(0)))
            .instrument(SimInstrument.aapl().prices(PriceScript.bars(bars))).start()) {
            assertThat(sim.market(265598).current()).isNull();
            sim.clock().setTo(java.time.Instant.ofEpochMilli(90_000));
            assertThat(sim.market(265598).current().last()).isEqualTo(9.0);
            sim.clock().advance(Duration.ofDays(1));
            assertThat(sim.market(265598).current().last()).isEqualTo(8.5);
        }
    }

    @Test void aReplayLoopsWhenTheFileEnds() {
        try (GatewaySimulator sim = GatewaySimulator.builder().clock(SimClock.manual(Fixtures.MONDAY_10AM_NY))
            .instrument(SimInstrument.aapl().prices(PriceScript.replay(twoBars(), Duration.ofSeconds(1)))).start()) {
            assertThat(sim.market(265598).current().last()).isEqualTo(10.0);
            sim.clock().advance(Duration.ofSeconds(7));
            assertThat(sim.market(265598).current().last()).isEqualTo(8.5);
            sim.clock().advance(Duration.ofSeconds(1));
            assertThat(sim.market(265598).current().last()).as("wrapped to the first tick").isEqualTo(10.0);
        }
    }

    @Test void stepModeIgnoresTheClock() {
        try (GatewaySimulator sim = GatewaySimulator.builder().clock(SimClock.manual(Fixtures.MONDAY_10AM_NY)).stepDriven()
            .instrument(SimInstrument.aapl().prices(PriceScript.bars(twoBars()))).start()) {
            sim.clock().advance(Duration.ofDays(400));
            assertThat(sim.market(265598).cursor()).isZero();
            sim.market(265598).step().step();
            assertThat(sim.market(265598).current().last()).isEqualTo(9.0);
            sim.market(265598).stepTo(7);
            assertThat(sim.market(265598).current().last()).isEqualTo(8.5);
            assertThatThrownBy(() -> sim.market(265598).step()).isInstanceOf(IllegalStateException.class);
        }
    }

    @Test void theShippedSampleReplaysAsFourTicksPerBar() {
        Bars b = io.ibex.data.BarSources.load("sample:aapl-2013", null);
        PriceScript s = PriceScript.replay(b, Duration.ofSeconds(1));
        assertThat(s.size()).isEqualTo(4 * b.size());
        assertThat(s.ticks.get(0).last()).isEqualTo(553.82);
    }
}
