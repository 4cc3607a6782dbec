package io.ibex.bench;

/**
 * The same five indicators as {@link IndicatorBenchmark#ibex}, hand-written as one loop over local doubles: the floor
 * that a streaming library can approach. Same warm-up rules as ibex (and Ta4j); Bollinger uses the cheaper
 * sum-of-squares variance, so its checksum agrees to about 1e-9, not to the last bit.
 */
final class PrimitiveIndicators {
    private PrimitiveIndicators() {
    }

    static double fivePass(double[] high, double[] low, double[] close) {
        final double emaAlpha = 2.0 / 21;
        final double fastAlpha = 2.0 / 13;
        final double slowAlpha = 2.0 / 27;
        final double signalAlpha = 2.0 / 10;
        final double wilder = 1.0 / 14;
        double ema = Double.NaN;
        double fast = Double.NaN;
        double slow = Double.NaN;
        double signal = Double.NaN;
        double avgGain = Double.NaN;
        double avgLoss = Double.NaN;
        double atr = Double.NaN;
        double[] ring = new double[20];
        double sum = 0;
        double sumSquares = 0;
        double acc = 0;
        for (int i = 0; i < close.length; i++) {
            double x = close[i];
            ema = i < 20 ? Double.NaN : i == 20 ? x : ema + (x - ema) * emaAlpha;
            fast = i < 12 ? Double.NaN : i == 12 ? x : fast + (x - fast) * fastAlpha;
            slow = i < 26 ? Double.NaN : i == 26 ? x : slow + (x - slow) * slowAlpha;
            double macd = fast - slow;
            signal = i < 26 ? Double.NaN : i == 26 ? macd : signal + (macd - signal) * signalAlpha;
            double change = i == 0 ? 0 : x - close[i - 1];
            double gain = change > 0 ? change : 0;
            double loss = change < 0 ? -change : 0;
            avgGain = i < 14 ? Double.NaN : i == 14 ? gain : avgGain + (gain - avgGain) * wilder;
            avgLoss = i < 14 ? Double.NaN : i == 14 ? loss : avgLoss + (loss - avgLoss) * wilder;
            double rsi = avgLoss == 0 ? (avgGain == 0 ? 0 : 100) : 100 - 100 / (1 + avgGain / avgLoss);
            int slot = i % 20;
            if (i >= 20) {
                sum -= ring[slot];
                sumSquares -= ring[slot] * ring[slot];
            }
            ring[slot] = x;
            sum += x;
            sumSquares += x * x;
            int count = Math.min(i + 1, 20);
            double mean = sum / count;
            double upper = mean + 2 * Math.sqrt(Math.max(0, sumSquares / count - mean * mean));
            double range = high[i] - low[i];
            if (i > 0) {
                range = Math.max(range, Math.max(Math.abs(high[i] - close[i - 1]), Math.abs(low[i] - close[i - 1])));
            }
            atr = i < 14 ? Double.NaN : i == 14 ? range : atr + (range - atr) * wilder;
            if (i >= IndicatorBenchmark.WARM_UP) {
                acc += ema + rsi + macd + signal + mean + upper + atr;
            }
        }
        return acc;
    }
}
