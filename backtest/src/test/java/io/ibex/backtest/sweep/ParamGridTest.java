package io.ibex.backtest.sweep;

import io.ibex.framework.error.ConfigException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ParamGridTest {
    @Test void aRangeIsInclusiveAndStepsInExactDecimals() {
        assertThat(GridAxis.parse("slow=20:60:10").values()).containsExactly("20", "30", "40", "50", "60");
        assertThat(GridAxis.parse("k=0.1:0.3:0.1").values()).containsExactly("0.1", "0.2", "0.3");
        assertThat(GridAxis.parse("k=1:10:4").values()).containsExactly("1", "5", "9");
        assertThat(GridAxis.parse("fast = 5, 10 ,20").values()).containsExactly("5", "10", "20");
    }

    @Test void theLastAxisVariesFastestAndIndicesCoverTheProduct() {
        ParamGrid g = ParamGrid.parse(List.of("fast=5,10", "slow=20,30,40"));
        assertThat(g.size()).isEqualTo(6);
        assertThat(g.paramSet(0)).containsExactly(Map.entry("fast", "5"), Map.entry("slow", "20"));
        assertThat(g.paramSet(1)).containsExactly(Map.entry("fast", "5"), Map.entry("slow", "30"));
        assertThat(g.paramSet(3)).containsExactly(Map.entry("fast", "10"), Map.entry("slow", "20"));
        assertThat(g.paramSet(5)).containsExactly(Map.entry("fast", "10"), Map.entry("slow", "40"));
    }

    @Test void aSeededRandomSampleIsDistinctSortedAndRepeatable() {
        ParamGrid g = ParamGrid.parse(List.of("a=1:100:1", "b=1:100:1"));
        int[] s = g.sample(50, 7);
        assertThat(s).hasSize(50).isSorted().doesNotHaveDuplicates();
        assertThat(s[0]).isGreaterThanOrEqualTo(0);
        assertThat(s[49]).isLessThan(10_000);
        assertThat(g.sample(50, 7)).containsExactly(s);
        assertThat(g.sample(50, 8)).isNotEqualTo(s);
        assertThat(g.sample(20_000, 7)).containsExactly(g.all());
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "fast                | expected key=a,b,c or key=from:to:step",
        "=5,10               | expected key=a,b,c or key=from:to:step",
        "fast=               | no values after '='",
        "fast=5,,10          | empty value in the list",
        "fast=5,ten          | 'ten' is not a number",
        "fast=5:10           | a range is from:to:step",
        "fast=5:10:0         | step must be positive",
        "fast=10:5:1         | from 10 is above to 5",
        "fast=1:1000000000:1 | gives more than 100000 values",
        "1x=5                | '1x' is not a parameter name"})
    void badGridSyntaxIsOneLineNamingTheOptionAndTheReason(String text, String reason) {
        assertThatThrownBy(() -> GridAxis.parse(text)).isInstanceOf(ConfigException.class)
            .hasMessageStartingWith("--grid '" + text + "': ").hasMessageContaining(reason)
            .satisfies(e -> assertThat(e.getMessage()).doesNotContain("\n"));
    }

    @Test void aKeyGivenTwiceIsRefused() {
        assertThatThrownBy(() -> ParamGrid.parse(List.of("fast=5", "fast=10"))).isInstanceOf(ConfigException.class)
            .hasMessageContaining("--grid fast is given twice");
    }
}
