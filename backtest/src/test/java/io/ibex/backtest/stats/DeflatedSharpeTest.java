package io.ibex.backtest.stats;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

class DeflatedSharpeTest {

    /**
     * The numerical example of Bailey and Lopez de Prado (2014), section 4: an annualised Sharpe of 2.5 from 5 years
     * of daily returns (T = 1,250, 250 a year), selected among N = 100 trials whose annualised Sharpes have variance
     * 1/2, with skewness -3 and kurtosis 10. The paper reports DSR = 0.9004.
     */
    @Test
    void thePapersNumericalExampleReproducesStepByStep() {
        double sharpe = 2.5 / Math.sqrt(250);                  // 0.1581139 per day
        double variance = 0.5 / 250;                           // 0.002 per day^2, so sqrt(V) = 0.0447214
        // Phi^-1(1 - 1/100) = 2.3263479; Phi^-1(1 - 1/(100 e)) = Phi^-1(0.9963212) = 2.6802104
        // SR0 = 0.0447214 x ((1 - 0.5772157) x 2.3263479 + 0.5772157 x 2.6802104)
        //     = 0.0447214 x (0.9835493 + 1.5470595) = 0.0447214 x 2.5306088 = 0.1131720
        double sr0 = DeflatedSharpe.expectedMaxSharpe(100, variance);
        assertThat(sr0).isCloseTo(0.1131720, within(1e-6));
        // z = (0.1581139 - 0.1131720) x sqrt(1249) / sqrt(1 + 3 x 0.1581139 + 9/4 x 0.1581139^2)
        //   = 0.0449419 x 35.3411 / sqrt(1.5306) = 1.5883 / 1.2372 = 1.2838;  Phi(1.2838) = 0.9004
        double dsr = DeflatedSharpe.deflatedSharpe(sharpe, 100, variance, 1250, -3, 10);
        assertThat(dsr).isCloseTo(0.9004, within(5e-5));
        assertThat(dsr).isEqualTo(DeflatedSharpe.probabilisticSharpe(sharpe, sr0, 1250, -3, 10));
    }

    @Test
    void psrUnderNormalReturnsMatchesTheHandComputation() {
        // SR 0.1 per bar, n = 101, skew 0, kurt 3: z = 0.1 x sqrt(100) / sqrt(1 + 2/4 x 0.01) = 1 / sqrt(1.005)
        assertThat(DeflatedSharpe.probabilisticSharpe(0.1, 0, 101, 0, 3)).isCloseTo(0.8407413, within(1e-7));
    }

    @Test
    void fromReturnsItUsesTheSampleSharpeAndPopulationMoments() {
        // r = 2%, -1%, 3%, 0%: mean 0.01, sample sd sqrt(0.001/3) = 0.0182574 -> SR 0.5477226
        // population m2 = 0.00025, m3 = 0 -> skew 0, m4 = 8.5e-8 -> kurt 8.5e-8 / 6.25e-8 = 1.36
        // one trial: SR0 = 0; z = 0.5477226 x sqrt(3) / sqrt(1 + 0.36/4 x 0.3) = 0.9361297 -> Phi = 0.8253968
        assertThat(DeflatedSharpe.deflatedSharpe(new double[]{0.02, -0.01, 0.03, 0.0}, 1, 0.0))
            .isCloseTo(0.8253968, within(1e-7));
    }

    @Test
    void moreTrialsDeflateMore() {
        double few = DeflatedSharpe.deflatedSharpe(0.1, 10, 0.002, 1000, 0, 3);
        double many = DeflatedSharpe.deflatedSharpe(0.1, 1000, 0.002, 1000, 0, 3);
        assertThat(many).isLessThan(few);
        assertThat(DeflatedSharpe.expectedMaxSharpe(1, 0.5)).isZero();
    }

    @Test
    void trialSharpesAndTheirVarianceFeedTheFormula() {
        double[] sharpes = DeflatedSharpe.trialSharpes(new double[][]{{0.02, -0.01, 0.03, 0.0}, {1, 1, 1}});
        assertThat(sharpes).containsExactly(new double[]{0.5477226, 0}, within(1e-7));
        // mean 0.2738613, deviations +-0.2738613, sum of squares 0.15; / (2 - 1)
        assertThat(DeflatedSharpe.variance(sharpes)).isCloseTo(0.15, within(1e-9));
    }

    @Test
    void excessKurtosisPassedByMistakeIsCaughtWhenItMakesTheVarianceNegative() {
        assertThatThrownBy(() -> DeflatedSharpe.probabilisticSharpe(1.0, 0, 100, 2, -3))
            .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("normal = 3");
    }
}
