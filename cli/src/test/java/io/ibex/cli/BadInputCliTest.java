package io.ibex.cli;

import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/** Bad input gives one actionable line on stderr, exit code 2, no stack trace, and no output files. */
class BadInputCliTest {
    @TempDir static Path tmp;

    record Case(String name, String csv, List<String> args, String expected) {
        @Override public String toString() { return name; }
    }

    static Stream<Case> cases() throws IOException {
        String header = "date,open,high,low,close,volume\n";
        String ok1 = "2013-01-02,10,11,9,10.5,100\n", ok2 = "2013-01-03,10.5,12,10,11,100\n";
        List<Case> c = new ArrayList<>();
        c.add(new Case("missing file", null, List.of("--data", "/no/such/bars.csv", "--strategy", "sma-cross"), "no such file"));
        c.add(new Case("unknown strategy", null, List.of("--data", "sample:aapl-2013", "--strategy", "sma-crosss"),
            "known: bollinger-breakout, breakout-bracket, rsi-reversion, sma-cross, ta4j-sma-cross"));
        c.add(new Case("unknown parameter", null, List.of("--data", "sample:aapl-2013", "--strategy", "sma-cross", "-p", "fats=3"),
            "unknown parameter 'fats'"));
        c.add(new Case("parameter not a number", null, List.of("--data", "sample:aapl-2013", "--strategy", "sma-cross", "-p", "fast=ten"),
            "must be a number"));
        c.add(new Case("parameter out of range", null, List.of("--data", "sample:aapl-2013", "--strategy", "sma-cross", "-p", "slow=100000"),
            "slow"));
        c.add(new Case("fast not below slow", null, List.of("--data", "sample:aapl-2013", "--strategy", "sma-cross", "-p", "fast=30", "-p", "slow=10"),
            "fast (30) must be smaller than slow (10)"));
        c.add(new Case("malformed csv row", header + ok1 + "2013-01-03,10.5,abc,10,11,100\n", List.of("--strategy", "sma-cross"), "bars.csv:3"));
        c.add(new Case("high below low", header + ok1 + ok2 + "2013-01-04,10,9,12,10,100\n", List.of("--strategy", "sma-cross"), "bars.csv:4"));
        c.add(new Case("unsorted timestamps", header + ok2 + ok1, List.of("--strategy", "sma-cross"), "bars.csv:3"));
        c.add(new Case("duplicate timestamps", header + ok1 + ok1, List.of("--strategy", "sma-cross"), "bars.csv:3"));
        c.add(new Case("missing --data", null, List.of("--strategy", "sma-cross"), "--data"));
        c.add(new Case("both sizing options", null, List.of("--data", "sample:aapl-2013", "--strategy", "sma-cross", "--quantity", "2", "--percent-equity", "10"),
            "ibex backtest: --quantity=N, --percent-equity=P are mutually exclusive"));
        c.add(new Case("bad fill mode", null, List.of("--data", "sample:aapl-2013", "--strategy", "sma-cross", "--fill", "open"), "next-open or close"));
        c.add(new Case("unknown commission", null, List.of("--data", "sample:aapl-2013", "--strategy", "sma-cross", "--commission", "free"), "free"));
        c.add(new Case("bad intrabar path", null, List.of("--data", "sample:aapl-2013", "--strategy", "sma-cross", "--intrabar", "random"),
            "use ohlc, olhc or pessimistic"));
        c.add(new Case("volume cap above 100%", null, List.of("--data", "sample:aapl-2013", "--strategy", "sma-cross", "--max-volume-pct", "150"),
            "--max-volume-pct"));
        c.add(new Case("negative cash", null, List.of("--data", "sample:aapl-2013", "--strategy", "sma-cross", "--cash", "-5"), "--cash"));
        c.add(new Case("cash not a number", null, List.of("--data", "sample:aapl-2013", "--strategy", "sma-cross", "--cash", "abc"),
            "Invalid value for option '--cash': 'abc' is not a number"));
        c.add(new Case("parameter without a value", null, List.of("--data", "sample:aapl-2013", "--strategy", "sma-cross", "-p", "fast"),
            "Value for option '-p' (KEY=VALUE) should be in KEY=VALUE format but was fast"));
        c.add(new Case("missing plugin", null, List.of("--data", "sample:aapl-2013", "--strategy", "sma-cross", "--plugin", "/no/plugin.jar"),
            "plugin JAR not found: /no/plugin.jar"));
        c.add(new Case("same symbol twice", null, List.of("--data", "sample:aapl-2013", "--data", "sample:aapl-2013", "--strategy", "sma-cross"),
            "--data sample:aapl-2013: symbol AAPL already comes from --data sample:aapl-2013; give each symbol once"));
        return c.stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void badInputIsOneLineAndExitCodeTwoWithoutAStackTraceOrFiles(Case c) throws IOException {
        Path dir = Files.createTempDirectory(tmp, "case");
        List<String> args = new ArrayList<>(List.of("backtest"));
        if (c.csv() != null) {
            Path csv = dir.resolve("bars.csv");
            Files.writeString(csv, c.csv());
            args.addAll(List.of("--data", csv.toString()));
        }
        args.addAll(c.args());
        Path out = dir.resolve("out");
        args.addAll(List.of("--out", out.toString()));

        Cli r = Cli.run(args.toArray(String[]::new));

        assertThat(r.exitCode()).as(r.err()).isEqualTo(2);
        assertThat(r.err().strip().lines()).as(r.err()).hasSize(1);
        assertThat(r.err()).contains(c.expected()).doesNotContain("Exception").doesNotContain("\tat ");
        assertThat(r.out()).isEmpty();
        assertThat(out).doesNotExist();
    }
}
