package io.ibex.live.sim;

import io.ibex.framework.domain.Bars;
import io.ibex.framework.domain.Instrument;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneOffset;

/**
 * Reads the bar CSVs {@code ibex gateway-sim} prices from: {@code sample:NAME} (the data module's shipped samples) or
 * a file whose rows are {@code date|t_ms,open,high,low,close,volume}. Errors name file:line and the reason.
 */
final class SampleBars {
    private SampleBars() {}

    static Bars load(String source, String symbol) {
        if (source.startsWith("sample:")) {
            String name = source.substring("sample:".length());
            String resource = "io/ibex/data/samples/" + name + ".csv";
            InputStream in = SampleBars.class.getClassLoader().getResourceAsStream(resource);
            if (in == null) throw new IllegalArgumentException(source + ": no such CSV sample (try sample:aapl-2013)");
            try (in) {
                return parse(source, symbol, new String(in.readAllBytes(), StandardCharsets.UTF_8));
            } catch (IOException e) {
                throw new IllegalArgumentException(source + ": cannot read (" + e.getMessage() + ")", e);
            }
        }
        Path p = Path.of(source);
        if (!Files.isRegularFile(p)) throw new IllegalArgumentException(source + ": no such file (give a CSV of date,open,high,low,close,volume or sample:aapl-2013)");
        try {
            return parse(source, symbol, Files.readString(p));
        } catch (IOException e) {
            throw new IllegalArgumentException(source + ": cannot read (" + e.getMessage() + ")", e);
        }
    }

    static Bars parse(String source, String symbol, String text) {
        Bars.Builder b = Bars.builder(Instrument.of(symbol), source);
        try (BufferedReader r = new BufferedReader(new java.io.StringReader(text))) {
            String line;
            int n = 0;
            while ((line = r.readLine()) != null) {
                n++;
                String l = line.trim();
                if (l.isEmpty() || Character.isLetter(l.charAt(0))) continue;
                String[] f = l.split(",");
                try {
                    if (f.length < 6) throw new IllegalArgumentException("expected 6 fields, found " + f.length);
                    String t = f[0].trim();
                    long ms = t.contains("-") ? LocalDate.parse(t).atStartOfDay(ZoneOffset.UTC).toInstant().toEpochMilli() : Long.parseLong(t);
                    b.add(ms, d(f[1]), d(f[2]), d(f[3]), d(f[4]), d(f[5]));
                } catch (RuntimeException e) {
                    throw new IllegalArgumentException(source + ":" + n + " " + e.getMessage(), e);
                }
            }
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        if (b.size() == 0) throw new IllegalArgumentException(source + ": no bars found");
        return b.build();
    }

    private static double d(String s) { return Double.parseDouble(s.trim()); }
}
