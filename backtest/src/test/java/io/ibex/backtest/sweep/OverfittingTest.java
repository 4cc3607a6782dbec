package io.ibex.backtest.sweep;

import io.ibex.backtest.stats.Pbo;
import org.apache.commons.math3.distribution.NormalDistribution;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * Two parameter sets, four periods, so CSCV has S = 2 blocks of 2 periods and C(2, 1) = 2 splits, checkable by hand.
 */
class OverfittingTest {
    private static final double[] GOOD_THEN_BAD = {0.02, 0.01, -0.01, -0.02};
    private static final double[] BAD_THEN_GOOD = {-0.02, -0.01, 0.01, 0.02};

    @Test void setsThatSwapPlacesBetweenHalvesAreOverfitInEverySplit() {
        // split 1: in-sample = block 0, winner GOOD_THEN_BAD, worst out of sample: w = 1/3, logit < 0
        // split 2: in-sample = block 1, winner BAD_THEN_GOOD, worst out of sample again: PBO = 2/2
        Overfitting o = Overfitting.of(List.of(row(0, GOOD_THEN_BAD, 1.0), row(1, BAD_THEN_GOOD, 0.5)), RankBy.SHARPE, 1);
        assertThat(o.partitions()).isEqualTo(2);
        assertThat(o.periods()).isEqualTo(4);
        assertThat(o.pbo()).isEqualTo(1.0);
        assertThat(o.pbo()).isEqualTo(Pbo.cscv(new double[][]{{0.02, -0.02}, {0.01, -0.01}, {-0.01, 0.01}, {-0.02, 0.02}}, 2).pbo());
    }

    @Test void aSetThatWinsInBothHalvesIsNotOverfit() {
        double[] steady = {0.03, 0.025, 0.03, 0.025};
        Overfitting o = Overfitting.of(List.of(row(0, GOOD_THEN_BAD, 0.1), row(1, steady, 0.9)), RankBy.SHARPE, 1);
        assertThat(o.pbo()).isEqualTo(0.0);
        assertThat(o.best()).isEqualTo(1);
        assertThat(o.bestParams()).containsEntry("fast", "1");
    }

    @Test void theDeflatedSharpeOfTheBestSetFollowsTheFormulaByHand() {
        double[] best = {0.03, -0.01, 0.02, 0.00};
        double[] other = {0.01, -0.02, 0.00, 0.01};
        Overfitting o = Overfitting.of(List.of(row(0, other, 0.2), row(1, best, 0.8)), RankBy.SHARPE, 1);
        // best: mean 0.01, deviations 0.02 -0.02 0.01 -0.01, sample sd sqrt(0.001/3) -> SR 0.5477; other: mean 0, SR 0
        double srBest = 0.01 / Math.sqrt(0.001 / 3);
        assertThat(o.bestSharpe()).isCloseTo(srBest, within(1e-12));
        double v = (srBest * srBest) / 2;                      // sample variance of {SR, 0}
        assertThat(o.trialSharpeVariance()).isCloseTo(v, within(1e-12));
        NormalDistribution z = new NormalDistribution(null, 0, 1);
        double g = 0.5772156649015329;
        double sr0 = Math.sqrt(v) * ((1 - g) * z.inverseCumulativeProbability(0.5) + g * z.inverseCumulativeProbability(1 - 1 / (2 * Math.E)));
        // population moments of the best returns: deviations 0.02, -0.02, 0.01, -0.01
        double m2 = (4e-4 + 4e-4 + 1e-4 + 1e-4) / 4, m3 = 0, m4 = (1.6e-7 * 2 + 1e-8 * 2) / 4;
        double skew = m3 / Math.pow(m2, 1.5), kurt = m4 / (m2 * m2);
        double expected = z.cumulativeProbability((srBest - sr0) * Math.sqrt(3) / Math.sqrt(1 - skew * srBest + (kurt - 1) / 4 * srBest * srBest));
        assertThat(o.deflatedSharpe()).isCloseTo(expected, within(1e-9));
        assertThat(o.trials()).isEqualTo(2);
        assertThat(o.notes()).isEmpty();
    }

    @Test void tooFewPeriodsOrSetsGiveANoteInsteadOfANumber() {
        Overfitting one = Overfitting.of(List.of(row(0, GOOD_THEN_BAD, 1)), RankBy.SHARPE, 1);
        assertThat(one.pbo()).isNaN();
        assertThat(one.notes()).anyMatch(n -> n.contains("at least 2 parameter sets"));
        Overfitting flat = Overfitting.of(List.of(row(0, new double[]{0, 0, 0, 0}, 1), row(1, new double[]{0, 0, 0, 0}, 1)), RankBy.SHARPE, 1);
        assertThat(flat.deflatedSharpe()).isNaN();
        assertThat(flat.notes()).anyMatch(n -> n.contains("never vary"));
        assertThat(Overfitting.partitions(3)).isZero();
        assertThat(Overfitting.partitions(13)).isEqualTo(6);
        assertThat(Overfitting.partitions(252)).isEqualTo(16);
    }

    @Test void overfittingJsonCarriesTheNumbersAndNullForUndefined() {
        Overfitting o = Overfitting.of(List.of(row(0, GOOD_THEN_BAD, 1.0), row(1, BAD_THEN_GOOD, 0.5)), RankBy.SHARPE, 1);
        String json = OverfittingJson.render(o, RankBy.SHARPE);
        assertThat(json).contains("\"pbo\": 1.0", "\"cscv_partitions\": 2", "\"best_params\": {\"fast\": 0, \"slow\": 9}",
            "\"trials\": 2");
        Overfitting one = Overfitting.of(List.of(row(0, GOOD_THEN_BAD, 1)), RankBy.SHARPE, 1);
        assertThat(OverfittingJson.render(one, RankBy.SHARPE)).contains("\"pbo\": null");
    }

    /** A row whose --rank-by sharpe is {@code sharpe} and whose period returns are {@code returns}. */
    private static SweepRow row(int index, double[] returns, double sharpe) {
        Map<String, String> params = new java.util.LinkedHashMap<>();
        params.put("fast", Integer.toString(index));
        params.put("slow", "9");
        return new SweepRow(index, params, null, 1, 0, 0, sharpe, 0, 0, 0, 0,
            BigDecimal.ONE, BigDecimal.ZERO, returns);
    }
}
