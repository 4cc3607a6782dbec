package io.ibex.backtest.report;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class SvgChartTest {
    @Test
    void axisStepsAreOneTwoOrFiveTimesAPowerOfTen() {
        assertThat(SvgChart.niceStep(28.1)).isEqualTo(50.0);
        assertThat(SvgChart.niceStep(14.06)).isEqualTo(20.0);
        assertThat(SvgChart.niceStep(0.0031)).isEqualTo(0.005, org.assertj.core.data.Offset.offset(1e-15));
        assertThat(SvgChart.niceStep(1000)).isEqualTo(1000.0);
    }

    @Test
    void tickLabelsAreRoundNumbersWithTheDecimalsTheStepNeeds() {
        assertThat(SvgChart.label(100050, 50)).isEqualTo("100,050");
        assertThat(SvgChart.label(-2.5, 0.5)).isEqualTo("-2.5");
        assertThat(SvgChart.label(1e-13, 0.5)).isEqualTo("0.0");
    }

    @Test
    void anEquityChartLabelsRoundValuesAndFiveDates() {
        long day = 86_400_000L;
        long[] t = {0, day, 2 * day, 3 * day, 4 * day};
        double[] equity = {99_917.30, 99_973.55, 100_029.80, 100_001.00, 99_990.00};
        String svg = SvgChart.render("Equity", t, equity, 600, 200, "#000", false, List.of());
        assertThat(svg).contains(">99,950<").contains(">100,000<").doesNotContain("100029.80<")
            .contains(">1970-01-01<").contains(">1970-01-03<").contains(">1970-01-05<");
    }
}
