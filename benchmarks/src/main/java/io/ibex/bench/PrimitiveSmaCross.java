package io.ibex.bench;

/**
 * SMA(fast) x SMA(slow) crossover as one hand-written loop: the signal at bar i's close fills at bar i+1's open, one
 * unit long or flat, and the equity curve (start 1.0, like Ta4j's CashFlow) has one value per bar.
 */
final class PrimitiveSmaCross {
    private PrimitiveSmaCross() {
    }

    static double[] equityCurve(double[] open, double[] close, int fast, int slow) {
        int n = close.length;
        double[] equity = new double[n];
        double fastSum = 0;
        double slowSum = 0;
        double previousDiff = Double.NaN;
        int pending = 0;          // +1 buy at next open, -1 sell at next open
        boolean long_ = false;
        double entry = 0;
        double cash = 1.0;
        for (int i = 0; i < n; i++) {
            if (pending > 0) {
                long_ = true;
                entry = open[i];
            } else if (pending < 0) {
                long_ = false;
                cash *= open[i] / entry;
            }
            pending = 0;
            double x = close[i];
            fastSum += x;
            slowSum += x;
            if (i >= fast) {
                fastSum -= close[i - fast];
            }
            if (i >= slow) {
                slowSum -= close[i - slow];
            }
            if (i >= slow - 1) {
                double diff = fastSum / fast - slowSum / slow;
                if (!long_ && previousDiff <= 0 && diff > 0 && i + 1 < n) {
                    pending = 1;
                } else if (long_ && previousDiff >= 0 && diff < 0 && i + 1 < n) {
                    pending = -1;
                }
                previousDiff = diff;
            }
            equity[i] = long_ ? cash * x / entry : cash;
        }
        return equity;
    }
}
