package io.ibex.framework.indicator;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * One million updates through a regime change from values near 1e9 to values near 1: a plain running sum keeps the
 * rounding residue of the large values forever, the per-lap re-anchor removes it within one lap.
 */
class DriftTest {
    private static final int UPDATES = 1_000_000;
    private static final int PERIOD = 50;
    private static final double[] VALUES = adversarialSeries();

    private static double[] adversarialSeries() {
        SplittableRandom random = new SplittableRandom(11);
        double[] values = new double[UPDATES];
        for (int i = 0; i < UPDATES; i++) {
            values[i] = i < UPDATES / 2 ? random.nextDouble(0, 1e9) : random.nextDouble(0, 1);
        }
        return values;
    }

    @Test
    void theSeriesReallyMakesANaiveRunningSumDrift() {
        double sum = 0;
        for (int i = 0; i < UPDATES; i++) {
            sum += VALUES[i];
            if (i >= PERIOD) {
                sum -= VALUES[i - PERIOD];
            }
        }
        double exact = exactMean(UPDATES - 1);
        assertThat(Math.abs(sum / PERIOD - exact) / exact).isGreaterThan(1e-6);
    }

    @Test
    void smaStaysWithinOneBillionthOfTheExactWindowMeanAfterOneLap() {
        Sma sma = new Sma(PERIOD);
        int settled = UPDATES / 2 + 2 * PERIOD;
        double worst = 0;
        for (int i = 0; i < UPDATES; i++) {
            double value = sma.update(VALUES[i]);
            if (i >= settled) {
                double exact = exactMean(i);
                worst = Math.max(worst, Math.abs(value - exact) / exact);
            }
        }
        assertThat(worst).isLessThan(1e-9);
    }

    @Test
    void bollingerSigmaStaysWithinOneBillionthOfATwoPassRecomputationAfterOneLap() {
        BollingerBands bands = new BollingerBands(PERIOD, 2);
        int settled = UPDATES / 2 + 2 * PERIOD;
        double worst = 0;
        for (int i = 0; i < UPDATES; i++) {
            bands.update(VALUES[i]);
            if (i >= settled) {
                double exact = exactSigma(i);
                worst = Math.max(worst, Math.abs(bands.standardDeviation() - exact) / exact);
            }
        }
        assertThat(worst).isLessThan(1e-9);
    }

    private static double exactMean(int last) {
        double sum = 0;
        for (int j = last - PERIOD + 1; j <= last; j++) {
            sum += VALUES[j];
        }
        return sum / PERIOD;
    }

    private static double exactSigma(int last) {
        double mean = exactMean(last);
        double squares = 0;
        for (int j = last - PERIOD + 1; j <= last; j++) {
            squares += (VALUES[j] - mean) * (VALUES[j] - mean);
        }
        return Math.sqrt(squares / PERIOD);
    }
}
