package io.ibex.session.doctor;

import io.ibex.data.BarSources;
import io.ibex.data.H2BarStore;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.file.Path;
import java.time.Duration;
import java.time.InstantSource;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** reliability.md, "Bar store": doctor reads every series of the store and compares it with what was recorded. */
class DoctorBarStoreTest {
    @TempDir Path tmp;

    private Check barStoreCheck(Path store) {
        Doctor doctor = new Doctor(new Doctor.Inputs("https://127.0.0.1:1", tmp.resolve("gateway.pem"), tmp.resolve("gw"),
            tmp.resolve("ibeam"), tmp.resolve("chromedriver"), tmp.resolve("none.env"),
            Map.of("IBEX_DB", store.toString()), InstantSource.system()));
        return doctor.run().stream().filter(c -> c.name().equals("bar store")).findFirst().orElseThrow();
    }

    @Test
    void aHealthyStoreIsOkAndADamagedOneFails() throws IOException {
        Path store = tmp.resolve("store/ibex");
        assertThat(barStoreCheck(store).level()).isEqualTo(Check.Level.OK);
        assertThat(barStoreCheck(store).detail()).contains("no bar store at " + store + " yet");
        try (H2BarStore s = H2BarStore.open(store.toString())) {
            s.importBars(BarSources.load("sample:aapl-2013", null), Duration.ofDays(1));
        }
        Check healthy = barStoreCheck(store);
        assertThat(healthy.level()).isEqualTo(Check.Level.OK);
        assertThat(healthy.detail()).contains("1 series, 252 bars match their recorded counts and digests");

        try (RandomAccessFile f = new RandomAccessFile(store + ".mv.db", "rw")) {
            f.setLength(f.length() / 2);
        }
        Check damaged = barStoreCheck(store);
        assertThat(damaged.level()).isEqualTo(Check.Level.FAIL);
        assertThat(damaged.detail()).contains("is corrupted");
    }
}
