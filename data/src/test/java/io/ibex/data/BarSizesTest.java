package io.ibex.data;

import io.ibex.framework.error.DataException;
import org.junit.jupiter.api.Test;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class BarSizesTest {
    @Test
    void commonBarSizesParse() {
        assertThat(BarSizes.parse("1m")).isEqualTo(Duration.ofMinutes(1));
        assertThat(BarSizes.parse("5m")).isEqualTo(Duration.ofMinutes(5));
        assertThat(BarSizes.parse("5min")).isEqualTo(Duration.ofMinutes(5));
        assertThat(BarSizes.parse("15M")).isEqualTo(Duration.ofMinutes(15));
        assertThat(BarSizes.parse("1h")).isEqualTo(Duration.ofHours(1));
        assertThat(BarSizes.parse("1d")).isEqualTo(Duration.ofDays(1));
        assertThat(BarSizes.parse("30s")).isEqualTo(Duration.ofSeconds(30));
    }

    @Test
    void formatIsTheInverseOfParse() {
        for (String s : new String[] {"30s", "1m", "5m", "15m", "1h", "4h", "1d", "1w"})
            assertThat(BarSizes.format(BarSizes.parse(s))).isEqualTo(s);
        assertThat(BarSizes.format(Duration.ofMinutes(60))).isEqualTo("1h");
    }

    @Test
    void nonsenseIsRefusedWithTheAcceptedForms() {
        for (String s : new String[] {"", "m", "0m", "-5m", "5 parsecs", "5x", "1.5h"})
            assertThatThrownBy(() -> BarSizes.parse(s)).isInstanceOf(DataException.class)
                .hasMessageContaining("'" + s + "'").hasMessageContaining("1m, 5m, 15m, 1h, 1d");
    }
}
