package io.ibex.bench;

/**
 * The synthetic series shared by all benchmarks of one forked JVM, generated once (generation is not measured).
 *
 * <p>Ta4j {@code DecimalNum} runs, and both Ta4j SMA-cross backtests, use {@link #SMALL_BARS} bars instead of a
 * million: a {@code DecimalNum} series plus its indicator caches needs well over 1 KB per bar, which does not fit the
 * fixed 2 GB heap at 1M bars, and a Ta4j backtest with its {@code CashFlow} equity curve took about 60 s per run at 1M
 * bars (its cost per bar grows with the number of positions). Every benchmark reports time per bar
 * ({@code @OperationsPerInvocation}), so the sizes still compare, and the smaller size only flatters Ta4j.
 */
final class Market {
    static final int BARS = SyntheticBars.ONE_MILLION;
    static final int SMALL_BARS = 100_000;

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
