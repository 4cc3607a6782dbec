package io.ibex.backtest.stats;

/**
 * Sample moments of a return series. Mean and standard deviation use the usual estimators (standard deviation with
 * n - 1); skewness and kurtosis are the population (biased) moment ratios that Bailey and Lopez de Prado use in the
 * probabilistic and deflated Sharpe ratios, and kurtosis is NOT excess kurtosis (a normal distribution gives 3).
 */
final class Moments {
    private Moments() {}

    static double mean(double[] x) {
        double sum = 0;
        for (double v : x) sum += v;
        return sum / x.length;
    }

    /** Sample standard deviation (divides by n - 1); 0 for fewer than two values. */
    static double standardDeviation(double[] x) {
        if (x.length < 2) return 0;
        double m = mean(x);
        double ss = 0;
        for (double v : x) ss += (v - m) * (v - m);
        return StrictMath.sqrt(ss / (x.length - 1));
    }

    /** Population skewness m3 / m2^1.5; 0 when the series is constant. */
    static double skewness(double[] x) {
        double m = mean(x);
        double m2 = 0;
        double m3 = 0;
        for (double v : x) {
            double d = v - m;
            m2 += d * d;
            m3 += d * d * d;
        }
        m2 /= x.length;
        m3 /= x.length;
        return m2 == 0 ? 0 : m3 / StrictMath.pow(m2, 1.5);
    }

    /** Population kurtosis m4 / m2^2 (normal = 3); 3 when the series is constant. */
    static double kurtosis(double[] x) {
        double m = mean(x);
        double m2 = 0;
        double m4 = 0;
        for (double v : x) {
            double d = v - m;
            m2 += d * d;
            m4 += d * d * d * d;
        }
        m2 /= x.length;
        m4 /= x.length;
        return m2 == 0 ? 3 : m4 / (m2 * m2);
    }

    static void requireLength(double[] x, int min, String what) {
        if (x == null) throw new NullPointerException(what);
        if (x.length < min)
            throw new IllegalArgumentException(what + " needs at least " + min + " values, got " + x.length);
    }
}
