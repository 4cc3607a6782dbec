package io.ibex.execution;

import org.junit.jupiter.api.Test;

import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.longs;

class IsoTimeTest {
    @Test
    void writesWhatInstantToStringWrites() {
        qt().withExamples(100_000).forAll(longs().between(-70_000_000_000_000L, 260_000_000_000_000L)).checkAssert(ms ->
            assertThat(IsoTime.append(new StringBuilder(), ms).toString()).isEqualTo(Instant.ofEpochMilli(ms).toString()));
        qt().withExamples(10_000).forAll(longs().between(-10_000_000L, 10_000_000L)).checkAssert(days -> {
            long ms = days * 86_400_000L;           // midnights, where seconds and millis are zero
            if (Math.abs(days) < 106_000_000L) assertThat(IsoTime.append(new StringBuilder(), ms).toString()).isEqualTo(Instant.ofEpochMilli(ms).toString());
        });
        for (long ms : new long[] {0, -1, 1, 951_782_400_000L, 4_107_542_400_000L, Long.MIN_VALUE / 2})
            assertThat(IsoTime.append(new StringBuilder(), ms).toString()).isEqualTo(Instant.ofEpochMilli(ms).toString());
    }
}
