package io.ibex.cli;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** A mistyped command names itself and the closest real one, on one line, with exit code 2. */
class UnknownCommandCliTest {
    @Test
    void aMistypedCommandIsNamedWithASuggestion() {
        Cli r = Cli.run("bactest", "--data", "sample:aapl-2013");

        assertThat(r.exitCode()).isEqualTo(2);
        assertThat(r.err().strip()).startsWith("ibex: unknown command 'bactest'; did you mean backtest? ")
            .endsWith("(see: ibex --help)").doesNotContain("\n");
    }

    @Test
    void anUnknownDataSubcommandIsNamedUnderItsParent() {
        Cli r = Cli.run("data", "purge");

        assertThat(r.exitCode()).isEqualTo(2);
        assertThat(r.err().strip()).startsWith("ibex data: unknown command 'purge'");
    }

    @Test
    void anUnknownOptionStillReadsAsAnUnknownOption() {
        Cli r = Cli.run("--bogus");

        assertThat(r.exitCode()).isEqualTo(2);
        assertThat(r.err()).contains("Unknown option: '--bogus'");
    }
}
