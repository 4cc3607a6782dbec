package io.ibex.data;

import io.ibex.cli.data.DataCommand;
import io.ibex.framework.error.DataException;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * reliability.md, "Bar store" (issue 17.5): a store file that someone else edited must not run code when ibex opens
 * it. Each test builds the hostile file itself (a real ibex store, then the object added over plain JDBC) and
 * checks that opening it is refused with one line and that the planted code never ran (its marker file is absent).
 */
class StoreSafetyTest {
    @TempDir Path dir;
    private Path base;
    private Path marker;

    @BeforeEach
    void aRealStoreWithBars() throws IOException {
        base = dir.resolve("store/ibex");
        marker = dir.resolve("pwned");
        Path aapl = StoreFixtures.copySample("aapl-2013.csv", dir, "aapl.csv");
        try (H2BarStore store = H2BarStore.open(base.toString())) {
            FileImporter.importFile(store, aapl, "AAPL", null, false, null, ImportProgress.NONE);
        }
    }

    /** Java source that writes the marker file when H2 compiles and runs it. */
    private String writesMarker() {
        return "java.nio.file.Files.writeString(java.nio.file.Path.of(\"" + marker + "\"), \"ran\");";
    }

    private void plant(String... sql) throws Exception {
        try (Connection c = DriverManager.getConnection("jdbc:h2:file:" + base); Statement s = c.createStatement()) {
            for (String q : sql) s.execute(q);
        }
        Files.deleteIfExists(marker);              // creating the object may already have run it here
    }

    private void assertRefusedWithoutRunning(String expected) {
        assertThatThrownBy(() -> H2BarStore.openExisting(base.toString()).close())
            .isInstanceOf(DataException.class).hasMessageContaining("refused: it defines " + expected)
            .satisfies(e -> assertThat(e.getMessage().lines().count()).isEqualTo(1));
        assertThatThrownBy(() -> DbSource.load("db:AAPL", null, base.toString())).isInstanceOf(DataException.class);
        assertThat(marker).as("the planted code ran").doesNotExist();
    }

    @Test
    void aTriggerWithJavaSourceIsRefusedBeforeItCanRun() throws Exception {
        plant("CREATE TRIGGER EVIL BEFORE SELECT ON BAR_SERIES AS $$org.h2.api.Trigger create() throws Exception { "
            + writesMarker() + " return (c, o, n) -> { }; }$$");
        assertRefusedWithoutRunning("a trigger");
    }

    @Test
    void aTriggerNamingAClassIsRefused() throws Exception {
        plant("CREATE FORCE TRIGGER EVIL AFTER INSERT ON BAR_CHUNK FOR EACH ROW CALL 'org.example.Evil'");
        assertRefusedWithoutRunning("a trigger");
    }

    @Test
    void aJavaFunctionIsRefused() throws Exception {
        plant("CREATE ALIAS EVIL AS $$String evil() throws Exception { " + writesMarker() + " return \"x\"; }$$");
        assertRefusedWithoutRunning("a Java function");
    }

    @Test
    void aLinkedTableIsRefused() throws Exception {
        plant("CREATE FORCE LINKED TABLE EVIL('org.h2.Driver', 'jdbc:h2:mem:x;INIT=RUNSCRIPT FROM ''x''', '', '', 'T')");
        assertRefusedWithoutRunning("a view or linked table");
    }

    @Test
    void aViewAndAColumnDefaultThatWritesFilesAreRefused() throws Exception {
        plant("CREATE VIEW EVIL AS SELECT * FROM BAR_CHUNK");
        assertRefusedWithoutRunning("a view or linked table");
        plant("DROP VIEW EVIL", "ALTER TABLE BAR_IMPORT ADD COLUMN EVIL INT DEFAULT FILE_WRITE('x', '" + marker + "')");
        assertRefusedWithoutRunning("an object that reaches files");
    }

    @Test
    void theCommandLineRefusesInOneLineWithExitCode2() throws Exception {
        plant("CREATE TRIGGER EVIL BEFORE SELECT ON BAR_SERIES AS $$org.h2.api.Trigger create() throws Exception { "
            + writesMarker() + " return (c, o, n) -> { }; }$$");
        StringWriter out = new StringWriter(), err = new StringWriter();
        CommandLine cmd = new CommandLine(new DataCommand());
        cmd.setOut(new PrintWriter(out, true));
        cmd.setErr(new PrintWriter(err, true));
        assertThat(cmd.execute("list", "--db", base.toString())).isEqualTo(2);
        assertThat(err.toString().lines().toList()).singleElement().asString()
            .startsWith("ibex data list: bar store " + base + " refused: it defines a trigger");
        assertThat(marker).doesNotExist();
    }

    @Test
    void anInMemoryStoreIsCheckedThroughInformationSchemaBeforeAnyUserTable() throws SQLException {
        try (Connection keep = DriverManager.getConnection("jdbc:h2:mem:evil;DB_CLOSE_DELAY=-1");
             Statement s = keep.createStatement()) {
            s.execute("CREATE ALIAS EVIL FOR 'java.lang.System.getProperty'");
            assertThatThrownBy(() -> H2BarStore.open("jdbc:h2:mem:evil").close()).isInstanceOf(DataException.class)
                .hasMessageContaining("refused: it defines a Java function (alias) (EVIL)");
            s.execute("SHUTDOWN");
        }
    }

    @Test
    void aCleanStoreStillOpens() {
        try (H2BarStore store = H2BarStore.openExisting(base.toString())) {
            assertThat(store.load("AAPL", Duration.ofDays(1)).size()).isEqualTo(252);
        }
    }
}
