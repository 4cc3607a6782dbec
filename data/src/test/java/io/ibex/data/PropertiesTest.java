package io.ibex.data;

import io.ibex.framework.domain.Bars;
import io.ibex.framework.domain.Instrument;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.random.RandomGenerator;
import java.util.random.RandomGeneratorFactory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.doubles;
import static org.quicktheories.generators.SourceDSL.longs;
import static org.quicktheories.generators.SourceDSL.strings;

class PropertiesTest {
    @Test
    void everyEightDecimalPriceRoundTripsThroughTheStoreRepresentation() {
        // prices up to 10^7, i.e. raw values below 2^53 where a double holds every 8-decimal price distinctly
        qt().withExamples(1000).forAll(longs().between(1, 1_000_000_000_000_000L)).checkAssert(raw -> {
            double price = BigDecimal.valueOf(raw, PriceScale.SCALE).doubleValue();
            assertThat(PriceScale.toRaw(price)).isEqualTo(raw);
            assertThat(PriceScale.toDouble(raw)).isEqualTo(price);
        });
    }

    @Test
    void aPriceIsEitherStoredExactlyOrRefusedNeverRounded() {
        qt().withExamples(1000).forAll(doubles().between(1e-9, 1e7)).checkAssert(price -> {
            long raw;
            try {
                raw = PriceScale.toRaw(price);
            } catch (ArithmeticException refused) {
                return;
            }
            assertThat(PriceScale.toDouble(raw)).isEqualTo(price);
        });
    }

    @Test
    void cellParsersNeverThrowAnythingButTheirOwnError() {
        qt().withExamples(1000).forAll(strings().basicLatinAlphabet().ofLengthBetween(0, 24)).checkAssert(s -> {
            try {
                assertThat(Cells.number("x", s)).isFinite();
            } catch (Cells.BadCell expected) {
                assertThat(expected.getMessage()).startsWith("x ");
            }
            try {
                Cells.time("t", s);
            } catch (Cells.BadCell expected) {
                assertThat(expected.getMessage()).startsWith("t ");
            }
        });
    }

    @Test
    void exportedCsvReadsBackToTheSameBars() throws IOException {
        RandomGenerator random = RandomGeneratorFactory.of("L64X128MixRandom").create(7);
        for (int run = 0; run < 50; run++) {
            Bars.Builder b = Bars.builder(Instrument.of("R"), "random");
            long t = random.nextLong(0, 2_000_000_000_000L), step = random.nextBoolean() ? 86_400_000L : 300_000L;
            long cents = random.nextLong(100, 1_000_000);
            for (int i = 0; i < 200; i++, t += step * random.nextLong(1, 4)) {
                long next = Math.max(1, cents + random.nextLong(-500, 501));
                double volume = random.nextDouble() * random.nextInt(1, 1_000_000);    // arbitrary binary fractions
                b.add(t, cents / 100.0, (Math.max(cents, next) + random.nextLong(0, 50)) / 100.0,
                    Math.max(1, Math.min(cents, next) - random.nextLong(0, 50)) / 100.0, next / 100.0, volume);
                cents = next;
            }
            Bars bars = b.build();
            StringWriter csv = new StringWriter();
            BarWriters.csv(bars, Duration.ofMillis(step), csv);
            Bars back = read(csv.toString());
            H2BarStoreTest.assertSameBars(back, bars);
        }
    }

    private static Bars read(String csv) {
        try {
            return CsvBarReader.read(new ByteArrayInputStream(csv.getBytes(StandardCharsets.UTF_8)), "r.csv", Instrument.of("R"), "r.csv",
                BadRows.failFast());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
