package io.ibex.bench;

/**
 * The synthetic series shared by all benchmarks of one forked JVM, generated once (generation is not measured).
 *
 * <p>Ta4j {@code DecimalNum} runs use {@link #DECIMAL_BARS} bars instead of a million: a {@code DecimalNum} series plus
 * its indicator caches needs well over 1 KB per bar, which does not fit the fixed 2 GB heap at 1M bars. Every
 * benchmark reports time per bar ({@code @OperationsPerInvocation}), so the sizes still compare.
 */
final class Market {
    static final int BARS = SyntheticBars.ONE_MILLION;
    static final int DECIMAL_BARS = 100_000;

    private static SyntheticBars oneMillion;
    private static SyntheticBars fiveMillion;

    private Market() {
    }

    static synchronized SyntheticBars oneMillion() {
        if (oneMillion == null) {
            oneMillion = SyntheticBars.generate(BARS);
        }
        return oneMillion;
    }

    /** 5M bars (240 MB of columns): only the ibex and primitive contenders run at this size (full suite only). */
    static synchronized SyntheticBars fiveMillion() {
        if (fiveMillion == null) {
            fiveMillion = SyntheticBars.generate(SyntheticBars.FIVE_MILLION);
        }
        return fiveMillion;
    }
}
