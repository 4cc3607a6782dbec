package io.ibex.cli;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Runs that work but are not what the user thinks say so; option values outside any sensible range are refused. */
class DefaultsAndWarningsCliTest {
    private static Cli backtest(String... more) {
        String[] args = new String[4 + more.length];
        System.arraycopy(new String[] {"backtest", "--data", "sample:aapl-2013", "--strategy"}, 0, args, 0, 4);
        System.arraycopy(more, 0, args, 4, more.length);
        return Cli.run(args);
    }

    @Test void theSummaryShowsTheSizingAndOneUnitOnAHundredThousandIsWarnedAbout() {
        Cli r = backtest("sma-cross");
        assertThat(r.exitCode()).as(r.err()).isZero();
        assertThat(r.out()).contains("  Sizing         1 unit per new position (--quantity 1)");
        assertThat(r.err()).contains("ibex backtest: warning: positions were at most 0.57% of equity (1 unit per new position");
        Cli allIn = backtest("sma-cross", "--percent-equity", "100");
        assertThat(allIn.out()).contains("  Sizing         whole units worth up to 100% of equity (--percent-equity 100)");
        assertThat(allIn.err()).doesNotContain("warning");
    }

    @Test void openAtEndShowsTheEntryPriceAndTheLastClose() {
        assertThat(backtest("sma-cross").out()).contains("  Open at end    1 unit, entry 486.56, last close 561.02 (not in the trade count)");
    }

    @Test void aWarmUpLongerThanTheDataIsWarnedAbout() {
        Cli r = backtest("sma-cross", "-p", "slow=400");
        assertThat(r.err()).contains("ibex backtest: warning: -p slow=400 needs 400 bars to warm up but sample:aapl-2013 has 252");
    }

    @Test void aQuantityCutToTheCashSaysSo() {
        Cli r = backtest("sma-cross", "--quantity", "1000000000");
        assertThat(r.err()).contains("orders were cut to what the cash pays for: the first asked 1000000000 and filled 214 on 2013-");
    }

    @Test void cashAndSlippageOutsideTheirRangeAreRefusedWithTheRange() {
        Cli cash = backtest("sma-cross", "--cash", "1e300");
        assertThat(cash.exitCode()).isEqualTo(2);
        assertThat(cash.err().strip()).isEqualTo("ibex backtest: --cash must be in (0, 1000000000000], was 1E+300");
        Cli slip = Cli.run("sweep", "--data", "sample:aapl-2013", "--strategy", "sma-cross", "--grid", "fast=5", "--slippage-bps", "1e9");
        assertThat(slip.exitCode()).isEqualTo(2);
        assertThat(slip.err().strip()).isEqualTo("ibex sweep: --slippage-bps must be in [0, 1000] (0 to 10 %), was 1000000000");
    }

    @Test void aSweepRanksOnlySetsWithEnoughTradesAndShowsNaNAsNa() {
        Cli r = Cli.run("sweep", "--data", "sample:aapl-2013", "--strategy", "sma-cross", "--grid", "fast=5,10", "--grid", "slow=20,40,300");
        assertThat(r.exitCode()).as(r.err()).isZero();
        assertThat(r.out()).contains("top by sharpe (").contains("fewer than 5 trades not ranked; --min-trades 0 ranks them)")
            .doesNotContain("slow=300");
        Cli all = Cli.run("sweep", "--data", "sample:aapl-2013", "--strategy", "sma-cross", "--grid", "fast=5,10", "--grid", "slow=300",
            "--min-trades", "0");
        assertThat(all.out()).contains("{fast=5, slow=300}  sharpe=n/a").contains("trades=0").doesNotContain("sharpe=  ");
    }

    @Test void moreRandomSetsThanTheGridHasSaysHowManyRun() {
        Cli r = Cli.run("sweep", "--data", "sample:aapl-2013", "--strategy", "sma-cross", "--grid", "fast=5,10", "--grid", "slow=20,40",
            "--random", "200");
        assertThat(r.exitCode()).as(r.err()).isZero();
        assertThat(r.err()).contains("ibex sweep: --random 200 is more than the grid's 4 parameter sets; running all 4");
    }
}
