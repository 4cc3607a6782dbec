package io.ibex.framework.indicator;

import static io.ibex.framework.indicator.Agreement.assertAgrees;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.ta4j.core.BarSeries;
import org.ta4j.core.indicators.averages.SMAIndicator;
import org.ta4j.core.num.DoubleNumFactory;

class SmaTest {

    @Test
    void agreesWithTa4jAtEveryIndexOfARandomWalkIncludingWarmUp() {
        OhlcSeries bars = OhlcSeries.randomWalk(42, 1_000);
        BarSeries series = Ta4jOracle.series(bars, DoubleNumFactory.getInstance());
        for (int period : new int[] {1, 2, 14, 50, 200}) {
            Sma sma = new Sma(period);
            double[] actual = new double[bars.size()];
            for (int i = 0; i < bars.size(); i++) {
                actual[i] = sma.update(bars.close()[i]);
            }
            double[] expected = Ta4jOracle.values(new SMAIndicator(Ta4jOracle.close(series), period));
            assertAgrees("SMA(" + period + ")", expected, actual);
        }
    }

    @Test
    void averagesTheBarsSeenSoFarUntilThePeriodIsFull() {
        Sma sma = new Sma(3);
        assertThat(sma.value()).isNaN();
        assertThat(sma.update(3)).isEqualTo(3);
        assertThat(sma.isReady()).isFalse();
        assertThat(sma.update(6)).isEqualTo(4.5);
        assertThat(sma.update(9)).isEqualTo(6);
        assertThat(sma.isReady()).isTrue();
        assertThat(sma.update(12)).isEqualTo(9);
        assertThat(sma.value()).isEqualTo(9);
        assertThat(sma.period()).isEqualTo(3);
    }

    @Test
    void rejectsANonPositivePeriodWithAClearMessage() {
        assertThatThrownBy(() -> new Sma(0))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("period must be > 0, was 0");
    }
}
