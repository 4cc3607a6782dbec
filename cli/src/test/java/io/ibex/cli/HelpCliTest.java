package io.ibex.cli;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

/** Every command and subcommand answers --help with its usage on stdout, exit code 0 and nothing on stderr. */
class HelpCliTest {
    @ParameterizedTest(name = "ibex {0} --help")
    @ValueSource(strings = {"demo", "backtest", "strategies", "accounts", "summary", "positions", "ledger", "search", "quote",
        "order", "orders", "cancel", "modify", "data", "data import", "data list", "data export", "data delete", "sweep",
        "gateway-sim", "gateway", "gateway status", "auth", "doctor", "live", "live halt", "data fetch"})
    void everyCommandPrintsItsUsageForHelp(String command) {
        String[] words = command.split(" ");
        String[] args = java.util.Arrays.copyOf(words, words.length + 1);
        args[words.length] = "--help";

        Cli r = Cli.run(args);

        assertThat(r.exitCode()).as(r.err()).isZero();
        assertThat(r.err()).isEmpty();
        assertThat(r.out()).startsWith("Usage: ibex " + command);
    }

    @ParameterizedTest(name = "ibex {0} -V")
    @ValueSource(strings = {"backtest", "sweep", "data import", "gateway-sim"})
    void aSubcommandsVersionOptionPrintsTheVersion(String command) {
        String[] words = command.split(" ");
        String[] args = java.util.Arrays.copyOf(words, words.length + 1);
        args[words.length] = "-V";

        Cli r = Cli.run(args);

        assertThat(r.exitCode()).isZero();
        assertThat(r.out().strip()).matches("ibex \\d+\\.\\d+\\.\\d+.*");
    }
}
