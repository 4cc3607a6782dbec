package io.ibex.cli.backtest;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class SummaryTableTest {
    @Test
    void aReturnThatRoundsToZeroIsShownWithoutASign() {
        assertThat(SummaryTable.pct(-0.0000008)).isEqualTo("0.00%");
        assertThat(SummaryTable.pct(-0.0001)).isEqualTo("-0.01%");
        assertThat(SummaryTable.pct(0.0234)).isEqualTo("2.34%");
        assertThat(SummaryTable.pct(Double.NaN)).isEqualTo("n/a");
    }
}
