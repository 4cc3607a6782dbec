package io.ibex.data;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import io.ibex.framework.domain.Bars;

import java.io.IOException;
import java.io.Writer;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;

/** Writes bars in the formats the readers accept, so an export imports back to the same bars. */
public final class BarWriters {
    private static final long DAY_MS = 86_400_000L;

    private BarWriters() {}

    /** {@code time,open,high,low,close,volume}; dates for daily bars at midnight UTC, else ISO-8601 UTC instants. */
    public static void csv(Bars bars, Duration barSize, Writer w) throws IOException {
        boolean dates = barSize.toMillis() >= DAY_MS;
        for (int i = 0; dates && i < bars.size(); i++) dates = Math.floorMod(bars.time(i), DAY_MS) == 0;
        w.write("time,open,high,low,close,volume\n");
        StringBuilder line = new StringBuilder(96);
        for (int i = 0; i < bars.size(); i++) {
            line.setLength(0);
            long t = bars.time(i);
            line.append(dates ? LocalDate.ofEpochDay(Math.floorDiv(t, DAY_MS)).toString() : Instant.ofEpochMilli(t)
                .toString());
            line.append(',').append(plain(bars.open(i))).append(',').append(plain(bars.high(i))).append(',')
                .append(plain(bars.low(i))).append(',').append(plain(bars.close(i))).append(',')
                .append(plain(bars.volume(i))).append('\n');
            w.append(line);
        }
    }

    /** ta4j bar-series JSON: {@code {"name": SYMBOL, "ohlc": [{"endTime", "openPrice", ...}]}}. */
    public static void json(Bars bars, Writer w) throws IOException {
        try (JsonGenerator g = new JsonFactory().createGenerator(w)) {
            g.disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET);
            g.writeStartObject();
            g.writeStringField("name", bars.instrument().symbol());
            g.writeArrayFieldStart("ohlc");
            for (int i = 0; i < bars.size(); i++) {
                g.writeRaw('\n');
                g.writeStartObject();
                g.writeNumberField("endTime", bars.closeTime(i));   // ta4j's end: the bar's last millisecond (ADR 0006)
                g.writeNumberField("openPrice", bars.open(i));
                g.writeNumberField("highPrice", bars.high(i));
                g.writeNumberField("lowPrice", bars.low(i));
                g.writeNumberField("closePrice", bars.close(i));
                g.writeNumberField("volume", bars.volume(i));
                g.writeEndObject();
            }
            g.writeEndArray();
            g.writeEndObject();
            g.writeRaw('\n');
        }
    }

    /** The shortest decimal that reads back as the same double, without exponent. */
    static String plain(double d) {
        if (d == Math.rint(d) && Math.abs(d) < 1e15) return Long.toString((long) d);
        return BigDecimal.valueOf(d).toPlainString();
    }
}
