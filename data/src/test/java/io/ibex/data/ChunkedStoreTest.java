package io.ibex.data;

import io.ibex.framework.domain.Bars;
import io.ibex.framework.domain.Instrument;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

/** Bars stored in chunks of {@link BarChunks#SIZE}: merges across chunk boundaries count and keep every bar right. */
class ChunkedStoreTest {
    private static final long MINUTE = 60_000, T0 = 1_700_000_000_000L;
    @TempDir Path dir;
    H2BarStore store;

    @BeforeEach void open() { store = H2BarStore.open(dir.resolve("bars").toString()); }

    @AfterEach void close() { store.close(); }

    /** Minute bars {@code from..to-1}; the close is the index plus {@code bump} for indexes in [bumpFrom, bumpTo). */
    private static Bars bars(int from, int to, int bumpFrom, int bumpTo, double bump, long offsetMs) {
        Bars.Builder b = Bars.builder(Instrument.of("X"), "test");
        for (int i = from; i < to; i++) {
            double c = price(i, i >= bumpFrom && i < bumpTo ? bump : 0);
            b.add(T0 + i * MINUTE + offsetMs, c, price(i, 1), price(i, -1), c, i);
        }
        return b.build();
    }

    /** Whole cents, so that every price is stored exactly. */
    private static double price(int i, double bump) { return (10_000 + i + Math.round(bump * 100)) / 100.0; }

    @Test void aReImportOverlappingSeveralChunksInsertsUpdatesAndKeepsTheRest() {
        ImportResult first = store.importBars(bars(0, 5_000, 0, 0, 0, 0), Duration.ofMinutes(1));
        assertThat(first.inserted()).isEqualTo(5_000);

        // 4000..6999: 4000..4499 changed, 4500..4999 identical, 5000..6999 new
        ImportResult second = store.importBars(bars(4_000, 7_000, 4_000, 4_500, 0.5, 0), Duration.ofMinutes(1));
        assertThat(second.inserted()).isEqualTo(2_000);
        assertThat(second.updated()).isEqualTo(500);
        assertThat(second.unchanged()).isEqualTo(500);

        Bars stored = store.load("X", Duration.ofMinutes(1));
        assertThat(stored.size()).isEqualTo(7_000);
        for (int i = 0; i < 7_000; i++) {
            double expected = price(i, i >= 4_000 && i < 4_500 ? 0.5 : 0);
            assertThat(stored.time(i)).isEqualTo(T0 + i * MINUTE);
            assertThat(stored.close(i)).as("bar %d", i).isEqualTo(expected);
            assertThat(stored.volume(i)).isEqualTo(i);
        }
        assertThat(store.verify()).singleElement().extracting(SeriesInfo::count).isEqualTo(7_000L);
        assertThat(store.list()).singleElement().satisfies(s -> {
            assertThat(s.firstTime()).isEqualTo(T0);
            assertThat(s.lastTime()).isEqualTo(T0 + 6_999 * MINUTE);
        });
    }

    @Test void barsBetweenStoredOnesInterleaveInTimeOrder() {
        store.importBars(bars(0, 3_000, 0, 0, 0, 0), Duration.ofMinutes(1));
        ImportResult r = store.importBars(bars(0, 3_000, 0, 0, 0, 30_000), Duration.ofMinutes(1));
        assertThat(r.inserted()).isEqualTo(3_000);
        Bars stored = store.load("X", Duration.ofMinutes(1));
        assertThat(stored.size()).isEqualTo(6_000);
        for (int i = 1; i < stored.size(); i++) assertThat(stored.time(i) - stored.time(i - 1)).isEqualTo(30_000);
    }

    @Test void deletingASeriesRemovesAllItsChunks() throws Exception {
        store.importBars(bars(0, 10_000, 0, 0, 0, 0), Duration.ofMinutes(1));
        assertThat(StoreFixtures.count(store, "SELECT COUNT(*) FROM bar_chunk")).isEqualTo(5);
        assertThat(store.delete("X", null)).isEqualTo(10_000);
        assertThat(StoreFixtures.count(store, "SELECT COUNT(*) FROM bar_chunk")).isZero();
    }
}
