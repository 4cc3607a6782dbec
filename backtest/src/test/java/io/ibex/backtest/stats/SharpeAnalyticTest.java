package io.ibex.backtest.stats;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

class SharpeAnalyticTest {
    /**
     * 0.03, -0.01, 0.03, -0.01: mean 0.01, deviations +-0.02, sum of squares 0.0016, sd sqrt(0.0016/3), so the
     * per-period Sharpe is 0.01 / 0.023094 = sqrt(3)/4 = 0.433013; skewness 0; kurtosis 0.02^4 / 0.0004^2 = 1.
     * Mertens: Var = (1 - 0 + (1 - 1)/4 s^2) / 4 = 0.25, se = 0.5. With 4 periods a year (x2):
     * 2 (0.433013 -+ 1.959964 x 0.5) = [-1.093938, 2.825990].
     */
    private static final double[] ALTERNATING = {0.03, -0.01, 0.03, -0.01};

    @Test
    void mertensByHandForUncorrelatedReturns() {
        SharpeAnalytic.Interval ci = SharpeAnalytic.interval(ALTERNATING, 4, 0.95, 0);
        assertThat(ci.standardError()).isCloseTo(0.5, within(1e-12));
        assertThat(ci.varianceRatio()).isEqualTo(1);
        assertThat(ci.sharpe()).isCloseTo(Math.sqrt(3) / 2, within(1e-12)).isEqualTo(EquityStats.sharpe(ALTERNATING, 4));
        assertThat(ci.lower()).isCloseTo(-1.093938, within(1e-6));
        assertThat(ci.upper()).isCloseTo(2.825990, within(1e-6));
    }

    @Test
    void loNeweyWestByHandForAutocorrelatedReturns() {
        // lag-1 autocovariance sum: 3 x (0.02 x -0.02) = -0.0012, rho_1 = -0.0012 / 0.0016 = -0.75;
        // Bartlett weight 1 - 1/2: q = 1 + 2 x 0.5 x -0.75 = 0.25; Var = 0.25 / 4, se = 0.25
        SharpeAnalytic.Interval ci = SharpeAnalytic.interval(ALTERNATING, 4, 0.95, 1);
        assertThat(ci.varianceRatio()).isCloseTo(0.25, within(1e-12));
        assertThat(ci.standardError()).isCloseTo(0.25, within(1e-12));
        assertThat(ci.lower()).isCloseTo(2 * (Math.sqrt(3) / 4 - 1.959964 * 0.25), within(1e-6));
    }

    @Test
    void skewedFatTailedSeriesMatchesAnIndependentComputation() {
        // values from a separate Python script of the formulas in the class comment (statistics.NormalDist)
        double[] r = {0.01, -0.02, 0.03, 0.00, 0.02, -0.01, 0.015, 0.005};
        SharpeAnalytic.Interval lag0 = SharpeAnalytic.interval(r, 252, 0.95, 0);
        assertThat(lag0.standardError()).isCloseTo(0.3749127045666225, within(1e-12));
        assertThat(lag0.lower()).isCloseTo(-5.541108463651834, within(1e-9));
        assertThat(lag0.upper()).isCloseTo(17.78855717756772, within(1e-9));
        SharpeAnalytic.Interval lag2 = SharpeAnalytic.interval(r, 252, 0.95, 2);
        assertThat(lag2.varianceRatio()).isCloseTo(0.3310657596371883, within(1e-12));
        assertThat(lag2.lower()).isCloseTo(-1.3007823325423498, within(1e-9));
        SharpeAnalytic.Interval ninety = SharpeAnalytic.interval(r, 252, 0.90, 1);
        assertThat(ninety.lower()).isCloseTo(0.291381223066241, within(1e-9));
        assertThat(ninety.upper()).isCloseTo(11.956067490849648, within(1e-9));
        assertThat(SharpeAnalytic.interval(r, 252).lags()).isEqualTo(2);   // floor(4 (8/100)^(2/9)) = floor(2.29)
    }

    @Test
    void gaussianReturnsGiveLosStandardErrorAndAr1WidensItAsTheVarianceOfTheMeanGrows() {
        double[] iid = SharpeBootstrapTest.returns(20_000, 0.001, 0.01, 0, 1);
        SharpeAnalytic.Interval ci = SharpeAnalytic.interval(iid, 252);
        double s = ci.sharpe() / Math.sqrt(252);
        assertThat(ci.standardError()).isCloseTo(Math.sqrt((1 + s * s / 2) / iid.length), within(0.05 * ci.standardError()));
        // AR(1), phi = 0.5: the long-run variance is (1 + phi) / (1 - phi) = 3 times the variance
        double[] ar = SharpeBootstrapTest.returns(20_000, 0.001, 0.01, 0.5, 2);
        assertThat(SharpeAnalytic.interval(ar, 252).varianceRatio()).isBetween(2.5, 3.2);
        assertThat(SharpeAnalytic.defaultLags(1_000_000)).isEqualTo(30);
    }

    @Test
    void aConstantSeriesHasNoInterval() {
        assertThatThrownBy(() -> SharpeAnalytic.interval(new double[] {0.01, 0.01, 0.01, 0.01}, 252))
            .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("constant");
        assertThatThrownBy(() -> SharpeAnalytic.interval(ALTERNATING, 4, 0.95, 3)).hasMessageContaining("lags");
    }
}
