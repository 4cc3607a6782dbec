package io.ibex.backtest;

import io.ibex.framework.domain.Bars;
import io.ibex.framework.domain.Instrument;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Test-only readers for the shipped samples, independent of the data module's readers (a second opinion). */
public final class SampleBars {
    private SampleBars() {}

    private static String resource(String name) {
        try (InputStream in = SampleBars.class.getResourceAsStream("/io/ibex/data/samples/" + name)) {
            if (in == null) throw new IllegalStateException("sample " + name + " is not on the test class path");
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** 252 daily AAPL bars of 2013, time = the day at 00:00 UTC. */
    public static Bars aapl() {
        Bars.Builder b = Bars.builder(Instrument.of("AAPL"), "sample:aapl-2013");
        String[] lines = resource("aapl-2013.csv").split("\n");
        for (int i = 1; i < lines.length; i++) {
            String line = lines[i].trim();
            if (line.isEmpty()) continue;
            String[] f = line.split(",");
            long t = LocalDate.parse(f[0]).atStartOfDay(ZoneOffset.UTC).toInstant().toEpochMilli();
            b.add(t, Double.parseDouble(f[1]), Double.parseDouble(f[2]), Double.parseDouble(f[3]), Double.parseDouble(f[4]),
                Double.parseDouble(f[5]));
        }
        return b.build();
    }

    private static final Pattern ETH_BAR = Pattern.compile("\"endTime\":\\s*(\\d+),\\s*\"openPrice\":\\s*([0-9.]+),\\s*"
        + "\"highPrice\":\\s*([0-9.]+),\\s*\"lowPrice\":\\s*([0-9.]+),\\s*\"closePrice\":\\s*([0-9.]+),\\s*\"volume\":\\s*([0-9.]+)");

    /** 580 ETH/USD 5-minute bars, time = the bar's end time. */
    public static Bars eth() {
        Bars.Builder b = Bars.builder(new Instrument("ETH-USD", "USD"), "sample:eth-5m-2023");
        Matcher m = ETH_BAR.matcher(resource("eth-5m-2023.json"));
        while (m.find()) {
            b.add(Long.parseLong(m.group(1)), Double.parseDouble(m.group(2)), Double.parseDouble(m.group(3)),
                Double.parseDouble(m.group(4)), Double.parseDouble(m.group(5)), Double.parseDouble(m.group(6)));
        }
        return b.build();
    }

    /** Bars from rows of {open, high, low, close}, one day apart from 2020-01-01. */
    public static Bars of(double[]... ohlc) {
        Bars.Builder b = Bars.builder(Instrument.of("TEST"), "test");
        long day = 86_400_000L, t0 = LocalDate.of(2020, 1, 1).atStartOfDay(ZoneOffset.UTC).toInstant().toEpochMilli();
        for (int i = 0; i < ohlc.length; i++) b.add(t0 + i * day, ohlc[i][0], ohlc[i][1], ohlc[i][2], ohlc[i][3], 1000);
        return b.build();
    }
}
