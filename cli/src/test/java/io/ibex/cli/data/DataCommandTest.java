package io.ibex.cli.data;

import io.ibex.data.BarSources;
import io.ibex.framework.domain.Bars;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class DataCommandTest {
    @TempDir Path dir;

    record Run(int exit, String out, String err) {}

    private Run run(String... args) {
        StringWriter out = new StringWriter(), err = new StringWriter();
        CommandLine cmd = new CommandLine(new DataCommand());
        cmd.setOut(new PrintWriter(out, true));
        cmd.setErr(new PrintWriter(err, true));
        int exit = cmd.execute(args);
        return new Run(exit, out.toString(), err.toString());
    }

    private Path sample(String resource, String name) throws IOException {
        try (InputStream in = BarSources.class.getResourceAsStream("samples/" + resource)) {
            Path p = dir.resolve(name);
            Files.copy(in, p);
            return p;
        }
    }

    private String db() { return dir.resolve("store/ibex").toString(); }

    @Test
    void importListExportAndDeleteWorkEndToEnd() throws IOException {
        Path aapl = sample("aapl-2013.csv", "aapl.csv");
        Run imported = run("import", aapl.toString(), "--symbol", "AAPL", "--db", db());
        assertThat(imported.exit()).isZero();
        assertThat(imported.out()).startsWith("imported 252 bars of AAPL@1d from " + aapl).contains("252 new");
        assertThat(imported.err()).isEqualTo("importing 252 bars\n");

        Run again = run("import", aapl.toString(), "--symbol", "AAPL", "--db", db());
        assertThat(again.exit()).isZero();
        assertThat(again.out()).contains("already imported as AAPL@1d").contains("nothing changed");

        Run list = run("list", "--db", db());
        assertThat(list.out().lines().toList()).hasSize(2);
        assertThat(list.out().lines().skip(1).findFirst().orElseThrow().split("\\s+"))
            .containsExactly("AAPL", "1d", "2013-01-02", "2013-12-31", "252");

        Path csv = dir.resolve("out/aapl-export.csv");
        assertThat(run("export", "AAPL", "--bar", "1d", "--format", "csv", "--out", csv.toString(), "--db", db())
            .exit()).isZero();
        assertThat(Files.readAllLines(csv).get(1)).isEqualTo("2013-01-02,553.82,555,541.63,549.03,20018500");
        assertSameBars(BarSources.load(csv.toString(), null), BarSources.load("sample:aapl-2013", null));

        Run json = run("export", "aapl", "--format", "json", "--db", db());
        Path jsonFile = Files.writeString(dir.resolve("aapl-export.json"), json.out());
        assertSameBars(BarSources.load(jsonFile.toString(), null), BarSources.load("sample:aapl-2013", null));

        Run deleted = run("delete", "AAPL", "--bar", "1d", "--db", db());
        assertThat(deleted.exit()).isZero();
        assertThat(deleted.out()).startsWith("deleted 252 bars of AAPL@1d");
        Run none = run("delete", "AAPL", "--db", db());
        assertThat(none.exit()).isEqualTo(2);
        assertThat(none.err()).startsWith("ibex data delete: no bars for AAPL");
        assertThat(run("list", "--db", db()).out()).contains("is empty");
    }

    @Test
    void aBadRowIsOneLineOnStderrWithFileAndLineAndANonZeroExit() throws IOException {
        Path aapl = sample("aapl-2013.csv", "aapl.csv");
        List<String> lines = new ArrayList<>(Files.readAllLines(aapl));
        lines.set(56, lines.get(56).replaceFirst(",[0-9.]+$", ",-7"));
        Path bad = Files.write(dir.resolve("bad.csv"), lines);

        Run r = run("import", bad.toString(), "--symbol", "AAPL", "--db", db());
        assertThat(r.exit()).isEqualTo(2);
        assertThat(r.err()).isEqualTo("ibex data import: " + bad + ":57: volume -7.0 is negative\n");
        assertThat(run("list", "--db", db()).out()).contains("is empty");
    }

    @Test
    void skipBadReportsTheRejectsAndWhereTheyWent() throws IOException {
        Path bad = Files.writeString(dir.resolve("x.csv"), "date,open,high,low,close,volume\n"
            + "2020-01-01,10,11,9,10,100\n2020-01-02,10,11,9,oops,100\n2020-01-03,10,11,9,10,100\n");
        Run r = run("import", bad.toString(), "--symbol", "X", "--bar", "1d", "--skip-bad", "--db", db());
        assertThat(r.exit()).isZero();
        assertThat(r.out()).contains("imported 2 bars of X@1d")
            .contains("skipped 1 bad rows (first: line 3: close 'oops' is not a number); see " + bad + ".rejected.csv");
    }

    @Test
    void anUnsafeDatabaseUrlIsRefusedInOneLine() {
        Run r = run("list", "--db", "jdbc:h2:mem:x;INIT=RUNSCRIPT FROM 'x.sql'");
        assertThat(r.exit()).isEqualTo(2);
        assertThat(r.err().lines().toList()).hasSize(1);
        assertThat(r.err()).startsWith("ibex data list: database URL ").contains(" refused: ");
    }

    /** Issue 16: one line, exit 2, no H2 stack trace, nothing created. */
    private static void assertOneLineRefusal(Run r, String command, String... expected) {
        assertThat(r.exit()).as(r.err()).isEqualTo(2);
        assertThat(r.err().lines().toList()).as(r.err()).hasSize(1);
        assertThat(r.err()).startsWith("ibex data " + command + ": ").contains(expected).doesNotContain("org.h2");
    }

    @Test
    void storesThatCannotBeCreatedOrDoNotExistAreOneLineRefusals() throws IOException {
        Path aapl = sample("aapl-2013.csv", "aapl.csv");
        assertOneLineRefusal(run("import", aapl.toString(), "--symbol", "AAPL", "--db", "/proc/ibex-nope/store"),
            "import", "cannot create the directory /proc/ibex-nope");
        assertOneLineRefusal(run("list", "--db", "/proc/nope"), "list", "no bar store at /proc/nope");
        assertOneLineRefusal(run("import", aapl.toString(), "--symbol", "AAPL", "--db", "jdbc:postgresql://db.example/bars"),
            "import", "only H2 bar stores are supported");

        Path missing = dir.resolve("nonexist/dir/store");
        assertOneLineRefusal(run("list", "--db", missing.toString()), "list", "no bar store at " + missing);
        assertOneLineRefusal(run("export", "AAPL", "--db", missing.toString()), "export", "no bar store at");
        assertOneLineRefusal(run("delete", "AAPL", "--db", missing.toString()), "delete", "no bar store at");
        assertThat(dir.resolve("nonexist")).as("a read created directories").doesNotExist();
    }

    @Test
    void exportToADirectoryOrAnUnwritablePlaceIsRefusedWithTheReason() throws IOException {
        Path aapl = sample("aapl-2013.csv", "aapl.csv");
        assertThat(run("import", aapl.toString(), "--symbol", "AAPL", "--db", db()).exit()).isZero();
        assertOneLineRefusal(run("export", "AAPL", "--out", dir.toString(), "--db", db()), "export",
            "--out " + dir + " is a directory");
        assertOneLineRefusal(run("export", "AAPL", "--out", "/proc/x.csv", "--db", db()), "export",
            "--out /proc/x.csv cannot be written: ");
    }

    @Test
    void aLargeImportLeavesNoTraceFileAndLogsNoWarning() throws IOException {
        StringBuilder csv = new StringBuilder("timestamp,open,high,low,close,volume\n");
        for (int i = 0; i < 120_000; i++) csv.append(1_600_000_000L + 60L * i).append(",10,11,9,10,").append(i).append('\n');
        Path big = Files.writeString(dir.resolve("big.csv"), csv);
        var log = (ch.qos.logback.classic.Logger) org.slf4j.LoggerFactory.getLogger("io.ibex.data");
        var appender = new ch.qos.logback.core.read.ListAppender<ch.qos.logback.classic.spi.ILoggingEvent>();
        appender.start();
        log.addAppender(appender);
        try {
            Run r = run("import", big.toString(), "--symbol", "BIG", "--db", db());
            assertThat(r.exit()).as(r.err()).isZero();
            assertThat(r.out()).contains("120000 new").containsPattern("store writes [0-9,]+ bars/s");
        } finally {
            log.detachAppender(appender);
        }
        assertThat(appender.list).noneMatch(e -> e.getLevel().isGreaterOrEqual(ch.qos.logback.classic.Level.WARN));
        try (var files = Files.list(dir.resolve("store"))) {
            assertThat(files.map(p -> p.getFileName().toString())).noneMatch(n -> n.endsWith(".trace.db"));
        }
        assertThat(run("list", "--db", db()).out()).contains("120000");
    }

    @Test
    void runningOutOfMemoryIsOneLineNotAStackTrace() throws Exception {
        StringWriter err = new StringWriter();
        CommandLine cmd = new CommandLine(new DataCommand());
        cmd.setErr(new PrintWriter(err, true));
        int exit = Commands.run(cmd.getSubcommands().get("import").getCommandSpec(), () -> {
            throw new OutOfMemoryError("Java heap space");
        });
        assertThat(exit).isEqualTo(1);
        assertThat(err.toString().lines().toList()).singleElement().asString()
            .startsWith("ibex data import: out of memory (the Java heap is limited to ").contains("JAVA_TOOL_OPTIONS=-Xmx");
    }

    @Test
    void aBadBarSizeIsExplained() {
        Run r = run("export", "AAPL", "--bar", "5 parsecs", "--db", db());
        assertThat(r.exit()).isEqualTo(2);
        assertThat(r.err()).startsWith("ibex data export: bar size '5 parsecs' is not valid");
    }

    private static void assertSameBars(Bars actual, Bars expected) {
        assertThat(actual.size()).isEqualTo(expected.size());
        for (int i = 0; i < expected.size(); i++) {
            assertThat(actual.time(i)).isEqualTo(expected.time(i));
            assertThat(new double[] {actual.open(i), actual.high(i), actual.low(i), actual.close(i), actual.volume(i)})
                .containsExactly(expected.open(i), expected.high(i), expected.low(i), expected.close(i),
                    expected.volume(i));
        }
    }
}
