package io.ibex.backtest.report;

import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class SvgChartTest {
    private static long at(String iso) { return Instant.parse(iso).toEpochMilli(); }

    @Test
    void valueAxesHaveFiveToSevenRoundTicksCoveringTheData() {
        double[][] ranges = {{99_917.30, 100_029.80}, {0, 1}, {0, 1.5}, {-0.31, 0}, {3.2, 3.21}, {100_000, 100_060}, {-2, 17}};
        for (double[] r : ranges) {
            ValueAxis a = ValueAxis.of(r[0], r[1]);
            assertThat(a.ticks()).as("ticks of %s..%s", r[0], r[1]).isBetween(5, 7);
            assertThat(a.min()).isLessThanOrEqualTo(r[0]);
            assertThat(a.max()).isGreaterThanOrEqualTo(r[1]);
        }
    }

    @Test
    void tickLabelsAreRoundNumbersWithTheDecimalsTheStepNeeds() {
        ValueAxis money = ValueAxis.of(99_917.30, 100_029.80);
        assertThat(money.label(money.tick(1), false)).isEqualTo("99,925");
        ValueAxis quarter = ValueAxis.of(0, 1.5);
        assertThat(quarter.label(quarter.tick(1), false)).isEqualTo("0.25");
        ValueAxis pct = ValueAxis.of(-0.31, 0);
        assertThat(pct.label(pct.tick(0), true)).isEqualTo("-40%");
    }

    @Test
    void intradayTimeLabelsNameTheDateOnlyWhereItChanges() {
        List<String> labels = labels(at("2023-03-13T00:04:59.999Z"), at("2023-03-15T00:14:59.999Z"));
        assertThat(labels).containsExactly("Mar 13 08:00", "16:00", "Mar 14", "08:00", "16:00", "Mar 15");
        assertThat(String.join(" ", labels)).doesNotContain("2023-03").doesNotContain(".999").doesNotContain("59");

        List<String> hours = labels(at("2023-03-14T09:04:59.999Z"), at("2023-03-14T14:59:59.999Z"));
        assertThat(hours).hasSizeBetween(5, 7);
        assertThat(hours.get(0)).isEqualTo("Mar 14 10:00");
        assertThat(hours.subList(1, hours.size())).allMatch(s -> s.matches("\\d\\d:00"));
    }

    @Test
    void aYearOfDailyBarsIsLabelledByMonth() {
        List<String> labels = labels(at("2013-01-02T21:00:00Z"), at("2013-12-31T21:00:00Z"));
        assertThat(labels).containsExactly("Mar 2013", "May 2013", "Jul 2013", "Sep 2013", "Nov 2013");
    }

    private static List<String> labels(long from, long to) {
        List<String> out = new ArrayList<>();
        for (TimeAxis.Tick t : TimeAxis.ticks(from, to)) out.add(t.label());
        return out;
    }

    @Test
    void aChartHasAxisTitlesALegendAndAHoverSampleOfEachSeries() {
        long day = 86_400_000L;
        long[] t = {0, day, 2 * day, 3 * day, 4 * day};
        double[] equity = {99_917.30, 99_973.55, 100_029.80, 100_001.00, 99_990.00};
        double[] bench = {100_000, 100_010, 100_020, 100_030, 100_040};
        String svg = SvgChart.render("Equity", "equity (USD)", t, List.of(new SvgChart.Series("strategy", equity, "#00f"),
            new SvgChart.Series("buy & hold", bench, "#a60")), false, 200, List.of());
        assertThat(svg).contains(">equity (USD)<").contains(">time (UTC)<").contains(">strategy<").contains(">buy &amp; hold<")
            .contains("data-hover=").contains("&quot;n&quot;:&quot;buy &amp; hold&quot;").contains(">100,000<")
            .contains(">Jan 3<");
        assertThat(svg.split("<polyline", -1)).hasSize(3);
    }

    @Test
    void nanValuesLeaveAGapInsteadOfALineToZero() {
        long[] t = {0, 1000, 2000, 3000, 4000};
        double[] y = {Double.NaN, Double.NaN, 1, 2, 3};
        String svg = SvgChart.render("Rolling", "x", t, List.of(new SvgChart.Series("x", y, "#000")), false, 200, List.of());
        assertThat(svg.split("<polyline", -1)).hasSize(2);
        assertThat(svg).doesNotContain("NaN");
    }
}
