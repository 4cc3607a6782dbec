package io.ibex.backtest;

import io.ibex.framework.domain.Bars;
import io.ibex.framework.domain.Instrument;

import java.time.LocalDate;
import java.time.ZoneOffset;

/** Tiny hand-made series for engine tests (the shipped samples come from {@code io.ibex.data.BarSources}). */
public final class SampleBars {
    private SampleBars() {}

    /** Bars from rows of {open, high, low, close}, one day apart from 2020-01-01. */
    public static Bars of(double[]... ohlc) {
        Bars.Builder b = Bars.builder(Instrument.of("TEST"), "test");
        long day = 86_400_000L, t0 = LocalDate.of(2020, 1, 1).atStartOfDay(ZoneOffset.UTC).toInstant().toEpochMilli();
        for (int i = 0; i < ohlc.length; i++) b.add(t0 + i * day, ohlc[i][0], ohlc[i][1], ohlc[i][2], ohlc[i][3], 1000);
        return b.build();
    }
}
