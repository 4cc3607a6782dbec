package io.ibex.backtest.stats;

import org.junit.jupiter.api.Test;

import java.util.random.RandomGenerator;
import java.util.random.RandomGeneratorFactory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SharpeBootstrapTest {

    /** Gaussian returns, optionally AR(1) with coefficient phi, from a fixed seed. */
    static double[] returns(int n, double mean, double sd, double phi, long seed) {
        RandomGenerator rng = RandomGeneratorFactory.of("L64X128MixRandom").create(seed);
        double[] r = new double[n];
        double shock = 0;
        for (int i = 0; i < n; i++) {
            shock = phi * shock + rng.nextGaussian() * sd * Math.sqrt(1 - phi * phi);
            r[i] = mean + shock;
        }
        return r;
    }

    @Test
    void theSameSeedGivesTheSameIntervalAndTheSeedIsReported() {
        double[] r = returns(500, 0.001, 0.01, 0, 7);
        SharpeInterval a = SharpeBootstrap.interval(r, 252, 42);
        SharpeInterval b = SharpeBootstrap.interval(r, 252, 42);
        assertThat(a).isEqualTo(b);
        assertThat(a.seed()).isEqualTo(42);
        assertThat(a.meanBlockLength()).isEqualTo(8);            // round(500^(1/3)) = round(7.94)
        assertThat(SharpeBootstrap.interval(r, 252, 43).lower()).isNotEqualTo(a.lower());
    }

    @Test
    void theIidIntervalHasTheWidthOfLosAsymptoticStandardError() {
        double[] r = returns(2000, 0.001, 0.01, 0, 1);
        SharpeInterval ci = SharpeBootstrap.interval(r, 252, 2000, 0.95, 1, 99);
        // Lo (2002): se(SR per bar) = sqrt((1 + SR^2/2) / n) = sqrt(1.005 / 2000) = 0.0224; annualised x sqrt(252)
        // = 0.356; a 95% interval is about 2 x 1.96 x 0.356 = 1.40 wide
        double expectedWidth = 2 * 1.96 * Math.sqrt(1.005 / 2000) * Math.sqrt(252);
        assertThat(ci.upper() - ci.lower()).isBetween(0.85 * expectedWidth, 1.15 * expectedWidth);
        assertThat(ci.sharpe()).isBetween(ci.lower(), ci.upper());
        assertThat(ci.sharpe()).isEqualTo(EquityStats.sharpe(r, 252));
    }

    @Test
    void blocksWidenTheIntervalWhenReturnsAreAutocorrelated() {
        // AR(1) with phi = 0.5 inflates the variance of the mean by (1 + phi) / (1 - phi) = 3: iid resampling
        // cannot see it, blocks of mean length 20 do
        double[] r = returns(2000, 0.001, 0.01, 0.5, 3);
        SharpeInterval iid = SharpeBootstrap.interval(r, 252, 1000, 0.95, 1, 5);
        SharpeInterval blocks = SharpeBootstrap.interval(r, 252, 1000, 0.95, 20, 5);
        assertThat(blocks.upper() - blocks.lower()).isGreaterThan(1.3 * (iid.upper() - iid.lower()));
    }

    @Test
    void nonsenseParametersAreRejected() {
        double[] r = {0.01, -0.01, 0.02};
        assertThatThrownBy(() -> SharpeBootstrap.interval(r, 252, 1000, 95, 1, 1))
            .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("0.95 = 95%");
        assertThatThrownBy(() -> SharpeBootstrap.interval(r, 252, 1000, 0.95, 0.5, 1))
            .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("meanBlockLength");
    }
}
