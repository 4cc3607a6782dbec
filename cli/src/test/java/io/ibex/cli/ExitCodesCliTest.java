package io.ibex.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/** User mistakes on the gateway commands are one line on stderr and exit 2, like the same mistake in backtest. */
class ExitCodesCliTest {
    @TempDir Path tmp;

    private static void assertOneLineUserError(Cli r, String prefix) {
        assertThat(r.exitCode()).as(r.err()).isEqualTo(2);
        assertThat(r.err().strip().lines()).singleElement().asString().startsWith(prefix).doesNotContain("unexpected");
    }

    @Test void doctorRefusesTheSimulatorKeywordWithTheWayToCheckIt() {
        assertOneLineUserError(Cli.run("doctor", "--gateway", "sim"), "ibex doctor: --gateway sim: doctor checks a real gateway");
    }

    @Test void doctorRefusesAGatewayThatIsNoUrl() {
        assertOneLineUserError(Cli.run("doctor", "--gateway", "localhost"), "ibex doctor: --gateway 'localhost' is not a gateway URL");
    }

    @Test void dataFetchWithABadBarSizeIsAUserErrorAsInBacktest() {
        Cli r = Cli.run("data", "fetch", "AAPL", "--bar", "7q", "--gateway", "sim", "--db", tmp.resolve("store").toString());
        assertOneLineUserError(r, "ibex data fetch: --bar: bar size '7q' is not valid");
        assertThat(Cli.run("backtest", "--data", "sample:btc-ticks-2013", "--bar", "7q", "--strategy", "sma-cross").exitCode())
            .isEqualTo(2);
    }

    @Test void cancellingAnOrderTheGatewayDoesNotKnowIsAUserErrorLikeModify() {
        assertOneLineUserError(Cli.run("cancel", "1000000001", "--gateway", "sim"),
            "ibex cancel: IBKR refused to cancel order 1000000001: OrderID 1000000001 doesn't exist");
        assertThat(Cli.run("modify", "1000000001", "--price", "3", "--gateway", "sim").exitCode()).isEqualTo(2);
    }
}
