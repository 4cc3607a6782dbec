package io.ibex.backtest.stats;

import org.apache.commons.math3.distribution.NormalDistribution;

import java.util.Objects;

/**
 * The probabilistic and deflated Sharpe ratios of Bailey and Lopez de Prado ("The Deflated Sharpe Ratio: Correcting
 * for Selection Bias, Backtest Overfitting and Non-Normality", Journal of Portfolio Management 40(5), 2014).
 *
 * <p>Every Sharpe ratio here is PER PERIOD (not annualised): divide an annualised one by sqrt(periodsPerYear), and a
 * variance of annualised trial Sharpes by periodsPerYear. {@code n} is the number of returns, skewness is the third
 * standardised moment and kurtosis the fourth (normal = 3, not excess).
 * <pre>
 *   PSR(SR*) = Phi( (SR - SR*) sqrt(n - 1) / sqrt(1 - skew SR + (kurt - 1)/4 SR^2) )
 *   SR0      = sqrt(V) ((1 - g) Phi^-1(1 - 1/N) + g Phi^-1(1 - 1/(N e))),  g = Euler-Mascheroni constant
 *   DSR      = PSR(SR0)
 * </pre>
 * where N is the number of independent trials and V the variance of their Sharpe ratios. DSR is the probability
 * that the strategy's true Sharpe ratio is above the best one N skill-less trials would be expected to show.
 */
public final class DeflatedSharpe {
    static final double EULER_MASCHERONI = 0.5772156649015329;
    private static final NormalDistribution STANDARD_NORMAL = new NormalDistribution(null, 0, 1);

    private DeflatedSharpe() {}

    /** SR0: the expected maximum per-period Sharpe of {@code trials} skill-less trials; 0 for a single trial. */
    public static double expectedMaxSharpe(int trials, double trialSharpeVariance) {
        if (trials < 1) throw new IllegalArgumentException("trials must be >= 1, got " + trials);
        if (!(trialSharpeVariance >= 0))
            throw new IllegalArgumentException("trialSharpeVariance must be >= 0, got " + trialSharpeVariance);
        if (trials == 1) return 0;
        double g = EULER_MASCHERONI;
        return StrictMath.sqrt(trialSharpeVariance)
            * ((1 - g) * STANDARD_NORMAL.inverseCumulativeProbability(1 - 1.0 / trials)
               + g * STANDARD_NORMAL.inverseCumulativeProbability(1 - 1.0 / (trials * StrictMath.E)));
    }

    /** PSR: probability that the true per-period Sharpe exceeds {@code benchmarkSharpe}. */
    public static double probabilisticSharpe(double sharpe, double benchmarkSharpe, int n, double skewness,
                                             double kurtosis) {
        if (n < 2) throw new IllegalArgumentException("n must be >= 2 returns, got " + n);
        double denominator = 1 - skewness * sharpe + (kurtosis - 1) / 4 * sharpe * sharpe;
        if (!(denominator > 0))
            throw new IllegalArgumentException("skewness " + skewness + " and kurtosis " + kurtosis
                + " give a non-positive variance for Sharpe " + sharpe + " (is kurtosis excess? pass normal = 3)");
        return STANDARD_NORMAL.cumulativeProbability(
            (sharpe - benchmarkSharpe) * StrictMath.sqrt(n - 1.0) / StrictMath.sqrt(denominator));
    }

    /** DSR from the statistics. */
    public static double deflatedSharpe(double sharpe, int trials, double trialSharpeVariance, int n,
                                        double skewness, double kurtosis) {
        return probabilisticSharpe(sharpe, expectedMaxSharpe(trials, trialSharpeVariance), n, skewness, kurtosis);
    }

    /**
     * DSR of the chosen strategy's per-period {@code returns}, after {@code trials} trials (e.g. the sweep's grid
     * size) whose per-period Sharpe ratios had variance {@code trialSharpeVariance}.
     */
    public static double deflatedSharpe(double[] returns, int trials, double trialSharpeVariance) {
        Objects.requireNonNull(returns, "returns");
        Moments.requireLength(returns, 2, "returns");
        double sd = Moments.standardDeviation(returns);
        double sharpe = sd == 0 ? 0 : Moments.mean(returns) / sd;
        return deflatedSharpe(sharpe, trials, trialSharpeVariance, returns.length, Moments.skewness(returns),
            Moments.kurtosis(returns));
    }

    /** The per-period Sharpe ratio (mean / n-1 standard deviation, 0 when constant) of each column of a sweep. */
    public static double[] trialSharpes(double[][] returnsByTrial) {
        Objects.requireNonNull(returnsByTrial, "returnsByTrial");
        double[] out = new double[returnsByTrial.length];
        for (int i = 0; i < out.length; i++) {
            double sd = Moments.standardDeviation(returnsByTrial[i]);
            out[i] = sd == 0 ? 0 : Moments.mean(returnsByTrial[i]) / sd;
        }
        return out;
    }

    /** Sample variance (n - 1) of the trials' Sharpe ratios: the V of the formula. */
    public static double variance(double[] trialSharpes) {
        Moments.requireLength(trialSharpes, 2, "trialSharpes");
        double sd = Moments.standardDeviation(trialSharpes);
        return sd * sd;
    }
}
