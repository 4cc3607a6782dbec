package io.ibex.framework.indicator;

import static io.ibex.framework.indicator.Agreement.assertAgrees;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.ta4j.core.BarSeries;
import org.ta4j.core.Indicator;
import org.ta4j.core.indicators.ATRIndicator;
import org.ta4j.core.indicators.MACDIndicator;
import org.ta4j.core.indicators.RSIIndicator;
import org.ta4j.core.indicators.averages.EMAIndicator;
import org.ta4j.core.indicators.averages.SMAIndicator;
import org.ta4j.core.indicators.bollinger.BollingerBandWidthIndicator;
import org.ta4j.core.indicators.bollinger.BollingerBandsLowerIndicator;
import org.ta4j.core.indicators.bollinger.BollingerBandsMiddleIndicator;
import org.ta4j.core.indicators.bollinger.BollingerBandsUpperIndicator;
import org.ta4j.core.indicators.helpers.ClosePriceIndicator;
import org.ta4j.core.indicators.statistics.StandardDeviationIndicator;
import org.ta4j.core.num.DecimalNumFactory;
import org.ta4j.core.num.DoubleNumFactory;
import org.ta4j.core.num.Num;
import org.ta4j.core.num.NumFactory;

/**
 * Every indicator against Ta4j 0.22.2 at every index (warm-up included) on real and random data, with Ta4j computing
 * in DoubleNum and in DecimalNum. Relative tolerance 1e-9; see {@link #assertNearZeroSafe} for lines that cross zero.
 */
class Ta4jAgreementTest {

    static Stream<Arguments> datasets() {
        OhlcSeries[] sets = {
            OhlcSeries.randomWalk(1, 1_000), SampleData.aapl(), SampleData.eth(), SampleData.btcFiveMinute()
        };
        NumFactory[] numbers = {DoubleNumFactory.getInstance(), DecimalNumFactory.getInstance()};
        Stream.Builder<Arguments> all = Stream.builder();
        for (OhlcSeries set : sets) {
            for (NumFactory number : numbers) {
                all.add(Arguments.of(set, number));
            }
        }
        return all.build();
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("datasets")
    void smaAgrees(OhlcSeries bars, NumFactory numbers) {
        ClosePriceIndicator close = Ta4jOracle.close(Ta4jOracle.series(bars, numbers));
        for (int period : new int[] {1, 5, 20, 50}) {
            Sma sma = new Sma(period);
            double[] actual = new double[bars.size()];
            for (int i = 0; i < bars.size(); i++) {
                actual[i] = sma.update(bars.close()[i]);
            }
            assertAgrees(bars.name() + " SMA(" + period + ")", values(new SMAIndicator(close, period)), actual);
        }
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("datasets")
    void emaAgrees(OhlcSeries bars, NumFactory numbers) {
        ClosePriceIndicator close = Ta4jOracle.close(Ta4jOracle.series(bars, numbers));
        for (int period : new int[] {1, 12, 26, 50}) {
            Ema ema = new Ema(period);
            double[] actual = new double[bars.size()];
            for (int i = 0; i < bars.size(); i++) {
                actual[i] = ema.update(bars.close()[i]);
            }
            assertAgrees(bars.name() + " EMA(" + period + ")", values(new EMAIndicator(close, period)), actual);
        }
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("datasets")
    void rsiAgrees(OhlcSeries bars, NumFactory numbers) {
        ClosePriceIndicator close = Ta4jOracle.close(Ta4jOracle.series(bars, numbers));
        for (int period : new int[] {2, 14, 30}) {
            Rsi rsi = new Rsi(period);
            double[] actual = new double[bars.size()];
            for (int i = 0; i < bars.size(); i++) {
                actual[i] = rsi.update(bars.close()[i]);
            }
            assertAgrees(bars.name() + " RSI(" + period + ")", values(new RSIIndicator(close, period)), actual);
        }
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("datasets")
    void macdSignalAndHistogramAgree(OhlcSeries bars, NumFactory numbers) {
        ClosePriceIndicator close = Ta4jOracle.close(Ta4jOracle.series(bars, numbers));
        int[][] settings = {{12, 26, 9}, {5, 35, 5}, {3, 10, 16}};
        for (int[] s : settings) {
            Macd macd = new Macd(s[0], s[1], s[2]);
            double[][] actual = new double[3][bars.size()];
            for (int i = 0; i < bars.size(); i++) {
                actual[0][i] = macd.update(bars.close()[i]);
                actual[1][i] = macd.signal();
                actual[2][i] = macd.histogram();
                assertThat(macd.isReady()).isEqualTo(!Double.isNaN(actual[2][i]));
            }
            MACDIndicator ta4j = new MACDIndicator(close, s[0], s[1]);
            String what = bars.name() + " MACD(" + s[0] + "," + s[1] + "," + s[2] + ")";
            double scale = typicalPrice(bars);
            assertNearZeroSafe(what + " macd", values(ta4j), actual[0], scale);
            assertNearZeroSafe(what + " signal", values(ta4j.getSignalLine(s[2])), actual[1], scale);
            assertNearZeroSafe(what + " histogram", values(ta4j.getHistogram(s[2])), actual[2], scale);
        }
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("datasets")
    void bollingerBandsAgree(OhlcSeries bars, NumFactory numbers) {
        BarSeries series = Ta4jOracle.series(bars, numbers);
        ClosePriceIndicator close = Ta4jOracle.close(series);
        for (int period : new int[] {2, 20, 50}) {
            for (double k : new double[] {2.0, 1.5}) {
                BollingerBands bands = new BollingerBands(period, k);
                double[][] actual = new double[5][bars.size()];
                for (int i = 0; i < bars.size(); i++) {
                    actual[0][i] = bands.update(bars.close()[i]);
                    actual[1][i] = bands.upper();
                    actual[2][i] = bands.lower();
                    actual[3][i] = bands.width();
                    actual[4][i] = bands.standardDeviation();
                }
                BollingerBandsMiddleIndicator middle =
                        new BollingerBandsMiddleIndicator(new SMAIndicator(close, period));
                StandardDeviationIndicator deviation = new StandardDeviationIndicator(close, period);
                Num kNum = series.numFactory().numOf(k);
                BollingerBandsUpperIndicator upper = new BollingerBandsUpperIndicator(middle, deviation, kNum);
                BollingerBandsLowerIndicator lower = new BollingerBandsLowerIndicator(middle, deviation, kNum);
                String what = bars.name() + " BB(" + period + "," + k + ")";
                double scale = typicalPrice(bars);
                assertAgrees(what + " middle", values(middle), actual[0]);
                assertAgrees(what + " upper", values(upper), actual[1]);
                assertAgrees(what + " lower", values(lower), actual[2]);
                // width and sigma are 0 on flat windows, where only an absolute (price-scaled) tolerance makes sense
                assertNearZeroSafe(what + " width", values(new BollingerBandWidthIndicator(upper, middle, lower)),
                        actual[3], 100);
                assertNearZeroSafe(what + " sigma", values(deviation), actual[4], scale);
            }
        }
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("datasets")
    void atrAgrees(OhlcSeries bars, NumFactory numbers) {
        BarSeries series = Ta4jOracle.series(bars, numbers);
        for (int period : new int[] {1, 14, 30}) {
            Atr atr = new Atr(period);
            double[] actual = new double[bars.size()];
            for (int i = 0; i < bars.size(); i++) {
                actual[i] = atr.update(bars.high()[i], bars.low()[i], bars.close()[i]);
            }
            assertAgrees(bars.name() + " ATR(" + period + ")", values(new ATRIndicator(series, period)), actual);
        }
    }

    private static double[] values(Indicator<Num> indicator) {
        return Ta4jOracle.values(indicator);
    }

    /**
     * MACD, histogram, width and sigma are differences of nearly equal numbers and cross or touch zero, where a purely
     * relative bound is meaningless: allow 1e-9 relative to {@code max(|expected|, scale)}.
     */
    private static void assertNearZeroSafe(String what, double[] expected, double[] actual, double scale) {
        double[] bounds = new double[expected.length];
        for (int i = 0; i < expected.length; i++) {
            bounds[i] = Math.max(Math.abs(expected[i]), scale);
        }
        Agreement.assertAgreesWithin(what, expected, actual, bounds);
    }

    private static double typicalPrice(OhlcSeries bars) {
        return bars.close()[0];
    }
}
