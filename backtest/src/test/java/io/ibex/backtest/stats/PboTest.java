package io.ibex.backtest.stats;

import org.junit.jupiter.api.Test;

import java.util.random.RandomGenerator;
import java.util.random.RandomGeneratorFactory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

class PboTest {
    private static final double LN2 = Math.log(2);

    /** A T x N matrix with {@code rowsPerBlock} identical rows per block: row values are the block means. */
    private static double[][] blocks(int rowsPerBlock, double[]... blockMeansByStrategy) {
        int n = blockMeansByStrategy.length;
        int s = blockMeansByStrategy[0].length;
        double[][] m = new double[s * rowsPerBlock][n];
        for (int b = 0; b < s; b++)
            for (int r = 0; r < rowsPerBlock; r++)
                for (int j = 0; j < n; j++) m[b * rowsPerBlock + r][j] = blockMeansByStrategy[j][b];
        return m;
    }

    /**
     * N = 2, S = 4, scored by mean. A earns 4 in block 0 and nothing after; B earns 1 in every block. The C(4,2) = 6
     * splits, in-sample blocks first:
     * <pre>
     *   IS {0,1}: A 2.0 > B 1 -> pick A; OOS {2,3}: A 0 < B 1 -> A ranks 1 of 2, w = 1/3, logit ln(1/2) = -ln 2
     *   IS {0,2}, {0,3}: the same -> -ln 2
     *   IS {1,2}: A 0 < B 1 -> pick B; OOS {0,3}: A 2 > B 1 -> B ranks 1, -ln 2
     *   IS {1,3}, {2,3}: the same -> -ln 2
     * </pre>
     * Every split picks the strategy that does worse out of sample: PBO = 6/6 = 1.
     */
    @Test
    void oneLuckyBlockIsPureOverfittingWithPboOne() {
        PboResult r = Pbo.cscv(blocks(2, new double[]{4, 0, 0, 0}, new double[]{1, 1, 1, 1}), 4, Pbo.Metric.MEAN);
        assertThat(r.splits()).isEqualTo(6);
        assertThat(r.logits()).containsExactly(new double[]{-LN2, -LN2, -LN2, -LN2, -LN2, -LN2}, within(1e-12));
        assertThat(r.pbo()).isEqualTo(1.0);
    }

    @Test
    void aStrategyBetterInEveryBlockIsNeverOverfitWithPboZero() {
        PboResult r = Pbo.cscv(blocks(2, new double[]{2, 2, 2, 2}, new double[]{1, 1, 1, 1}), 4, Pbo.Metric.MEAN);
        // every split picks A, which also wins out of sample: rank 2 of 2, w = 2/3, logit ln 2
        assertThat(r.logits()).containsExactly(new double[]{LN2, LN2, LN2, LN2, LN2, LN2}, within(1e-12));
        assertThat(r.pbo()).isZero();
    }

    /**
     * A = 3, 2.5, 0, 0.4 by block; B = 1 always.
     * <pre>
     *   IS {0,1}: A 2.75 -> A; OOS {2,3}: A 0.2 < 1 -> -ln 2     IS {0,2}: A 1.5 -> A; OOS {1,3}: 1.45 > 1 -> +ln 2
     *   IS {0,3}: A 1.7 -> A; OOS {1,2}: 1.25 > 1 -> +ln 2      IS {1,2}: A 1.25 -> A; OOS {0,3}: 1.7 -> +ln 2
     *   IS {1,3}: A 1.45 -> A; OOS {0,2}: 1.5 -> +ln 2          IS {2,3}: A 0.2 -> B; OOS {0,1}: A 2.75 > 1 -> -ln 2
     * </pre>
     * PBO = 2/6.
     */
    @Test
    void aMixedExampleGivesPboOneThirdWithTheLogitsInSplitOrder() {
        PboResult r = Pbo.cscv(blocks(2, new double[]{3, 2.5, 0, 0.4}, new double[]{1, 1, 1, 1}), 4, Pbo.Metric.MEAN);
        assertThat(r.logits()).containsExactly(new double[]{-LN2, LN2, LN2, LN2, LN2, -LN2}, within(1e-12));
        assertThat(r.pbo()).isCloseTo(1.0 / 3, within(1e-12));
    }

    /**
     * N = 3 (A = 4,0,0,0; B = 1; C = 0.5): splits with block 0 in sample pick A, which is last out of sample:
     * rank 1 of 3, w = 1/4, logit -ln 3. The other three pick B, exactly the OOS median: rank 2, w = 1/2, logit 0,
     * which counts as overfit (logit <= 0). PBO = 6/6.
     */
    @Test
    void landingExactlyOnTheMedianCountsAsOverfit() {
        PboResult r = Pbo.cscv(blocks(2, new double[]{4, 0, 0, 0}, new double[]{1, 1, 1, 1},
            new double[]{0.5, 0.5, 0.5, 0.5}), 4, Pbo.Metric.MEAN);
        double ln3 = Math.log(3);
        assertThat(r.logits()).containsExactly(new double[]{-ln3, -ln3, -ln3, 0, 0, 0}, within(1e-12));
        assertThat(r.pbo()).isEqualTo(1.0);
    }

    @Test
    void theOldestRowsThatDoNotFillABlockAreDropped() {
        double[][] m = blocks(2, new double[]{2, 2, 2, 2}, new double[]{1, 1, 1, 1});
        double[][] withExtra = new double[m.length + 1][];
        withExtra[0] = new double[]{-1000, 1000};       // would flip every split if it were used
        System.arraycopy(m, 0, withExtra, 1, m.length);
        PboResult r = Pbo.cscv(withExtra, 4, Pbo.Metric.MEAN);
        assertThat(r.rowsUsed()).isEqualTo(8);
        assertThat(r.pbo()).isZero();
    }

    @Test
    void withSharpeScoringASteadyEdgeIsNotOverfitButPureNoiseIsAboutACoinFlip() {
        RandomGenerator rng = RandomGeneratorFactory.of("L64X128MixRandom").create(2024);
        int t = 1600;
        double[][] edge = new double[t][4];
        double[][] noise = new double[t][10];
        for (int i = 0; i < t; i++) {
            double common = rng.nextGaussian() * 0.01;
            for (int j = 0; j < 4; j++) edge[i][j] = common + 0.002 * j;   // column 3 has the best drift, same risk
            for (int j = 0; j < 10; j++) noise[i][j] = rng.nextGaussian() * 0.01;
        }
        assertThat(Pbo.cscv(edge, 16).pbo()).isZero();
        PboResult r = Pbo.cscv(noise, 16);
        assertThat(r.splits()).isEqualTo(12870);                        // C(16, 8)
        assertThat(r.pbo()).isBetween(0.25, 0.75);
    }

    @Test
    void badShapesAreRejectedWithTheReason() {
        assertThatThrownBy(() -> Pbo.cscv(new double[40][3], 5))
            .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("even");
        assertThatThrownBy(() -> Pbo.cscv(new double[6][3], 4))
            .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("at least 8 rows");
        double[][] ragged = new double[16][2];
        ragged[5] = new double[3];
        assertThatThrownBy(() -> Pbo.cscv(ragged, 4))
            .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("row 5 has 3 columns");
    }
}
