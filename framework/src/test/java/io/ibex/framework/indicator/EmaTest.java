package io.ibex.framework.indicator;

import static io.ibex.framework.indicator.Agreement.assertAgrees;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.ta4j.core.BarSeries;
import org.ta4j.core.indicators.averages.EMAIndicator;
import org.ta4j.core.num.DoubleNumFactory;

class EmaTest {

    @Test
    void agreesWithTa4jAtEveryIndexOfARandomWalkIncludingWarmUp() {
        OhlcSeries bars = OhlcSeries.randomWalk(7, 1_000);
        BarSeries series = Ta4jOracle.series(bars, DoubleNumFactory.getInstance());
        for (int period : new int[] {1, 2, 12, 26, 200}) {
            Ema ema = new Ema(period);
            double[] actual = new double[bars.size()];
            for (int i = 0; i < bars.size(); i++) {
                actual[i] = ema.update(bars.close()[i]);
            }
            double[] expected = Ta4jOracle.values(new EMAIndicator(Ta4jOracle.close(series), period));
            assertAgrees("EMA(" + period + ")", expected, actual);
        }
    }

    @Test
    void isNaNForThePeriodThenSeedsWithTheNextValueAndSmooths() {
        Ema ema = new Ema(3);
        assertThat(ema.update(1)).isNaN();
        assertThat(ema.update(2)).isNaN();
        assertThat(ema.update(3)).isNaN();
        assertThat(ema.isReady()).isFalse();
        assertThat(ema.update(10)).isEqualTo(10);
        assertThat(ema.isReady()).isTrue();
        assertThat(ema.update(20)).isEqualTo(15);       // alpha = 2 / (3 + 1) = 0.5
        assertThat(ema.value()).isEqualTo(15);
    }

    @Test
    void rejectsANonPositivePeriodWithAClearMessage() {
        assertThatThrownBy(() -> new Ema(-1))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("period must be > 0, was -1");
    }
}
