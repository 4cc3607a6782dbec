package io.ibex.data.cli;

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
