package io.ibex.framework.indicator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class WarmUpAndArgumentsTest {

    @Test
    void everyConstructorRejectsANonPositivePeriodNamingTheArgument() {
        assertThatThrownBy(() -> new Rsi(0)).hasMessage("period must be > 0, was 0");
        assertThatThrownBy(() -> Rsi.wilder(-3)).hasMessage("period must be > 0, was -3");
        assertThatThrownBy(() -> new Atr(0)).hasMessage("period must be > 0, was 0");
        assertThatThrownBy(() -> new BollingerBands(0, 2)).hasMessage("period must be > 0, was 0");
        assertThatThrownBy(() -> new Macd(0, 26, 9)).hasMessage("fast must be > 0, was 0");
        assertThatThrownBy(() -> new Macd(12, 26, 0)).hasMessage("signal must be > 0, was 0");
        assertThatThrownBy(() -> new Macd(26, 12, 9)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("fast period must be < slow period, was fast=26 slow=12");
        assertThatThrownBy(() -> new BollingerBands(20, 0)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("k (standard deviations) must be a positive finite number, was 0.0");
        assertThatThrownBy(() -> new BollingerBands(20, Double.NaN)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void rsiIsNaNForThePeriodAndThenReportsTheFirstSingleChangeLikeTa4j() {
        Rsi rsi = new Rsi(2);
        assertThat(rsi.update(10)).isNaN();
        assertThat(rsi.update(11)).isNaN();
        assertThat(rsi.isReady()).isFalse();
        assertThat(rsi.update(12)).isEqualTo(100);        // only the third change seeds: a gain, no loss
        assertThat(rsi.isReady()).isTrue();
        assertThat(rsi.update(11)).isEqualTo(50);         // avg gain 0.5, avg loss 0.5
        assertThat(rsi.period()).isEqualTo(2);
    }

    @Test
    void rsiOfAFlatSeriesIsZeroByTa4jsConvention() {
        Rsi rsi = new Rsi(3);
        for (int i = 0; i < 10; i++) {
            rsi.update(42);
        }
        assertThat(rsi.value()).isZero();
    }

    @Test
    void atrSeedsWithTheTrueRangeOfBarPeriodPlusOneAndIncludesGaps() {
        Atr atr = new Atr(2);
        assertThat(atr.update(11, 9, 10)).isNaN();
        assertThat(atr.update(12, 10, 11)).isNaN();
        assertThat(atr.isReady()).isFalse();
        assertThat(atr.update(16, 15, 15.5)).isEqualTo(5);       // gap up: high 16 - previous close 11
        assertThat(atr.update(15.5, 15, 15)).isEqualTo(2.75);    // (5 + 0.5) / 2
        assertThat(atr.isReady()).isTrue();
        assertThat(atr.value()).isEqualTo(2.75);
        assertThat(atr.period()).isEqualTo(2);
    }

    @Test
    void macdIsReadyOnlyWhenTheSignalLineIsDefined() {
        Macd macd = new Macd(2, 3, 2);
        double[] closes = {1, 2, 3, 4, 5, 6};
        boolean[] ready = {false, false, false, true, true, true};   // macd from update 4 seeds the signal at once
        for (int i = 0; i < closes.length; i++) {
            macd.update(closes[i]);
            assertThat(macd.isReady()).as("after update %d", i + 1).isEqualTo(ready[i]);
        }
        assertThat(macd.histogram()).isEqualTo(macd.macd() - macd.signal());
        assertThat(macd.value()).isEqualTo(macd.macd());
        assertThat(macd.period()).isEqualTo(3);
        assertThat(new int[] {macd.fastPeriod(), macd.slowPeriod(), macd.signalPeriod()}).containsExactly(2, 3, 2);
    }

    @Test
    void bollingerBandsCollapseOnAFlatWindowAndWidenWithSpread() {
        BollingerBands bands = new BollingerBands(3, 2);
        bands.update(5);
        assertThat(bands.upper()).isEqualTo(5);
        assertThat(bands.isReady()).isFalse();
        bands.update(7);
        bands.update(9);
        assertThat(bands.isReady()).isTrue();
        assertThat(bands.middle()).isEqualTo(7);
        assertThat(bands.standardDeviation()).isCloseTo(Math.sqrt(8.0 / 3), within(1e-12));
        assertThat(bands.upper() - bands.middle()).isCloseTo(2 * Math.sqrt(8.0 / 3), within(1e-12));
        assertThat(bands.width()).isCloseTo(400 * Math.sqrt(8.0 / 3) / 7, within(1e-12));
        for (int i = 0; i < 3; i++) {
            bands.update(1.1);
        }
        assertThat(bands.standardDeviation()).isZero();
        assertThat(bands.lower()).isEqualTo(1.1);
        assertThat(bands.k()).isEqualTo(2);
        assertThat(bands.period()).isEqualTo(3);
    }
}
