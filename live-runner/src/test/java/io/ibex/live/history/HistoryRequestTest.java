package io.ibex.live.history;

import io.ibex.framework.error.ConfigException;
import org.junit.jupiter.api.Test;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class HistoryRequestTest {
    @Test
    void periodsAndBarsBecomeTheGatewaysSpellings() {
        HistoryRequest r = HistoryRequest.parse("1y", "1d");
        assertThat(r.period()).isEqualTo("1y");
        assertThat(r.bar()).isEqualTo("1d");
        assertThat(r.barSize()).isEqualTo(Duration.ofDays(1));
        assertThat(HistoryRequest.parse("6mo", "1h").period()).isEqualTo("6m");
        assertThat(HistoryRequest.parse("30min", "5m").bar()).isEqualTo("5min");
    }

    @Test
    void aPageNeverAsksForMoreThanAThousandBars() {
        for (String bar : new String[] {"1m", "2m", "3m", "5m", "10m", "15m", "30m", "1h", "2h", "3h", "4h", "8h", "1d", "1w"}) {
            HistoryRequest r = HistoryRequest.parse("15y", bar);
            assertThat(r.pageSeconds() / r.barSize().toSeconds()).as(bar).isBetween(1L, (long) HistoryRequest.MAX_POINTS);
        }
        assertThat(HistoryRequest.parse("3d", "1m").pagePeriod()).isEqualTo("8h");
        assertThat(HistoryRequest.parse("1y", "5m").pagePeriod()).isEqualTo("3d");
        assertThat(HistoryRequest.parse("5y", "1d").pagePeriod()).isEqualTo("1000d");
        assertThat(HistoryRequest.parse("1y", "1d").fitsOnePage()).isTrue();
        assertThat(HistoryRequest.parse("5y", "1d").fitsOnePage()).isFalse();
    }

    @Test
    void badInputSaysWhatToType() {
        assertThatThrownBy(() -> HistoryRequest.parse("6m", "1d")).isInstanceOf(ConfigException.class)
            .hasMessage("--period 6m is ambiguous: write 6mo for months or 6min for minutes");
        assertThatThrownBy(() -> HistoryRequest.parse("16y", "1d")).hasMessageContaining("1 to 15");
        assertThatThrownBy(() -> HistoryRequest.parse("1 year", "1d")).hasMessageContaining("e.g. 30min, 8h, 10d, 4w, 6mo, 1y");
        assertThatThrownBy(() -> HistoryRequest.parse("1d", "1w")).hasMessageContaining("longer than --period");
        assertThatThrownBy(() -> HistoryRequest.parse("1y", "30s")).hasMessageContaining("the gateway serves");
    }
}
