package io.ibex.data;

import io.ibex.framework.error.DataException;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * reliability.md, "Bar store" (issue 17.8): a damaged store file is refused with one line, never read as an empty
 * or shorter store that then accepts imports.
 */
class StoreCorruptionTest {
    @TempDir Path dir;
    private Path base;
    private Path aapl;

    @BeforeEach
    void aStoreWithTwoSeries() throws IOException {
        base = dir.resolve("store/ibex");
        aapl = StoreFixtures.copySample("aapl-2013.csv", dir, "aapl.csv");
        Path eth = StoreFixtures.copySample("eth-5m-2023.json", dir, "eth.json");
        try (H2BarStore store = H2BarStore.open(base.toString())) {
            FileImporter.importFile(store, aapl, "AAPL", null, false, null, ImportProgress.NONE);
            FileImporter.importFile(store, eth, "ETH", null, false, null, ImportProgress.NONE);
        }
    }

    /** Opening, listing, reading every series and importing: the first of these to notice must refuse. */
    private void assertRefused() {
        assertThatThrownBy(this::openVerifyAndImport).isInstanceOf(DataException.class).hasMessageContaining("corrupted")
            .satisfies(e -> assertThat(e.getMessage().lines().count()).isEqualTo(1));
    }

    /** Either refused in one line, or H2 lost nothing that was committed: never a silently older store. */
    private boolean refusedOrIntact() {
        try {
            assertThat(openVerifyAndImport()).extracting(SeriesInfo::series).containsExactly("AAPL@1d", "ETH@5m");
            return false;
        } catch (DataException e) {
            assertThat(e.getMessage()).contains("corrupted");
            assertThat(e.getMessage().lines().count()).isEqualTo(1);
            return true;
        }
    }

    private List<SeriesInfo> openVerifyAndImport() {
        try (H2BarStore store = H2BarStore.open(base.toString())) {
            List<SeriesInfo> all = store.verify();
            FileImporter.importFile(store, aapl, "AAPL2", null, false, null, ImportProgress.NONE);
            return all;
        }
    }

    private void damage(long keep, long zeroFrom) throws IOException {
        try (RandomAccessFile f = new RandomAccessFile(StoreInspection.mvFile(base).toFile(), "rw")) {
            long length = f.length();
            if (zeroFrom >= 0) {
                f.seek(Math.max(0, length - zeroFrom));
                f.write(new byte[(int) Math.min(zeroFrom, length)]);
            } else {
                f.setLength(keep < 0 ? length / 2 : keep);
            }
        }
    }

    @Test
    void aTruncatedFileIsRefused() throws IOException {
        damage(-1, -1);
        assertRefused();
    }

    @Test
    void aFileWhoseEndIsZeroedIsRefusedOrLostNothing() throws IOException {
        Path pristine = dir.resolve("pristine.mv.db"), gen = dir.resolve("pristine.generation");
        Files.copy(StoreInspection.mvFile(base), pristine);
        Files.copy(StoreGeneration.file(StoreLocation.resolve(base.toString())), gen);
        List<String> refused = new ArrayList<>();
        for (int kib : new int[] {8, 16, 32, 64}) {
            Files.copy(pristine, StoreInspection.mvFile(base), StandardCopyOption.REPLACE_EXISTING);
            Files.copy(gen, StoreGeneration.file(StoreLocation.resolve(base.toString())), StandardCopyOption.REPLACE_EXISTING);
            damage(-1, kib * 1024L);
            if (refusedOrIntact()) refused.add(kib + " KiB");
        }
        System.out.println("StoreCorruptionTest: zeroed ends refused: " + refused);
        assertThat(refused).isNotEmpty();
    }

    @Test
    void anUndamagedStoreVerifies() {
        try (H2BarStore store = H2BarStore.open(base.toString())) {
            assertThat(store.verify()).extracting(SeriesInfo::series).containsExactly("AAPL@1d", "ETH@5m");
            assertThat(store.load("AAPL", Duration.ofDays(1)).size()).isEqualTo(252);
        }
    }
}
