package io.ibex.gateway;

import io.ibex.framework.domain.Bars;
import io.ibex.framework.domain.Instrument;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class HistoryParserTest {
    @Test
    void historyBarsBecomeColumnarBarsIgnoringTheUnreliablePointsCount() {
        Bars bars = HistoryParser.parse(Recorded.body("history/daily"), Instrument.of("AAPL"), 265598);
        assertThat(bars.size()).isEqualTo(2);
        assertThat(bars.time(0)).isEqualTo(1692345600000L);
        assertThat(bars.open(0)).isEqualTo(173.4);
        assertThat(bars.volume(0)).isEqualTo(472117.45);
        assertThat(bars.close(1)).isEqualTo(175.0);
    }

    @Test
    void noDataIsAnEmptySeriesAndABrokenBarIsNamed() {
        assertThat(HistoryParser.parse("{\"error\":\"No data.\"}", Instrument.of("AAPL"), 1).size()).isZero();
        assertThatThrownBy(() -> HistoryParser.parse("{\"data\":[{\"o\":1,\"c\":1,\"h\":0.5,\"l\":1,\"v\":1,\"t\":1692345600000}]}",
            Instrument.of("AAPL"), 1)).isInstanceOf(GatewayProtocolException.class).hasMessageContaining("bar 0");
    }
}
