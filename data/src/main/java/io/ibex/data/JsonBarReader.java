package io.ibex.data;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.StreamReadFeature;
import io.ibex.framework.domain.Bars;
import io.ibex.framework.domain.Instrument;
import io.ibex.framework.error.DataException;

import java.io.IOException;
import java.io.Reader;

/**
 * Reads ta4j's bar-series JSON with the Jackson streaming parser (no object tree):
 * {@code {"name": .., "ohlc": [{"endTime": ms, "openPrice", "highPrice", "lowPrice", "closePrice", "volume"}, ..]}}.
 * Values may be JSON numbers or numeric strings; unknown fields are ignored. A bar's line is the line of its
 * opening brace.
 */
public final class JsonBarReader {
    /** Deep nesting is refused by Jackson with a parse error instead of a StackOverflowError (reliability F32). */
    private static final JsonFactory JSON = JsonFactory.builder()
        .streamReadConstraints(StreamReadConstraints.builder().maxNestingDepth(64).build())
        .disable(StreamReadFeature.AUTO_CLOSE_SOURCE).build();

    private JsonBarReader() {}

    public static Bars read(Reader in, String label, Instrument instrument, String source, BadRows bad)
            throws IOException {
        Bars.Builder out = Bars.builder(instrument, source);
        stream(in, label, bad, (line, t, o, h, l, c, v) -> out.add(t, o, h, l, c, v));
        return out.build();
    }

    /**
     * Hands each valid bar of the {@code ohlc} array to {@code sink}, with the line its object starts on.
     *
     * @return the number of bars handed to the sink (at least one; none is an error)
     */
    public static long stream(Reader in, String label, BadRows bad, BarSink sink) throws IOException {
        Counted out = new Counted(sink);
        boolean sawOhlc = false;
        try (JsonParser p = JSON.createParser(in)) {
            try {
                sawOhlc = document(p, label, out, bad);
            } catch (JsonProcessingException e) {
                long at = e.getLocation() != null && e.getLocation().getLineNr() > 0 ? e.getLocation().getLineNr()
                    : p.currentLocation().getLineNr();
                throw new DataException(label + ":" + at + ": invalid JSON: " + withoutSourceInternals(e.getOriginalMessage()), e);
            }
        }
        if (!sawOhlc) throw new DataException(label + ": no \"ohlc\" array of bars (expected ta4j bar-series JSON)");
        if (out.bars == 0) throw new DataException(label + ": no valid bars in the file");
        return out.bars;
    }

    /** The sink, counting what it is given. */
    private static final class Counted {
        private final BarSink sink;
        private long bars;

        Counted(BarSink sink) { this.sink = sink; }

        void add(long line, long t, double o, double h, double l, double c, double v) {
            sink.bar(line, t, o, h, l, c, v);
            bars++;
        }
    }

    /** Walks the top-level object; true when it held an {@code ohlc} array. */
    private static boolean document(JsonParser p, String label, Counted out, BadRows bad) throws IOException {
        boolean sawOhlc = false;
        if (p.nextToken() != JsonToken.START_OBJECT)
            throw new DataException(label + ":" + line(p) + ": expected a JSON object {\"name\":..,\"ohlc\":[..]}");
        BarChecker checker = new BarChecker();
        while (p.nextToken() == JsonToken.FIELD_NAME) {
            String field = p.currentName();
            JsonToken value = p.nextToken();
            if ("ohlc".equals(field) && value == JsonToken.START_ARRAY) {
                sawOhlc = true;
                while (p.nextToken() == JsonToken.START_OBJECT) bar(p, label, checker, out, bad);
                if (p.currentToken() != JsonToken.END_ARRAY)
                    throw new DataException(label + ":" + line(p) + ": \"ohlc\" must hold only bar objects");
            } else {
                p.skipChildren();
            }
        }
        return sawOhlc;
    }

    private static void bar(JsonParser p, String label, BarChecker checker, Counted out, BadRows bad)
            throws IOException {
        long n = line(p);
        long t = Long.MIN_VALUE;
        double o = Double.NaN, h = Double.NaN, l = Double.NaN, c = Double.NaN, v = Double.NaN;
        String problem = null;
        while (p.nextToken() == JsonToken.FIELD_NAME) {
            String field = p.currentName();
            p.nextToken();
            try {
                switch (field) {
                    case "endTime" -> t = time(p);
                    case "openPrice" -> o = number(p, "openPrice");
                    case "highPrice" -> h = number(p, "highPrice");
                    case "lowPrice" -> l = number(p, "lowPrice");
                    case "closePrice" -> c = number(p, "closePrice");
                    case "volume" -> v = number(p, "volume");
                    default -> p.skipChildren();
                }
            } catch (Cells.BadCell e) {
                if (problem == null) problem = e.getMessage();
            }
        }
        if (problem == null) problem = missing(t, o, h, l, c, v);
        if (problem == null) problem = checker.problem(t, o, h, l, c, v);
        if (problem != null) {
            bad.reject(label, n, "endTime=" + t + " open=" + o + " high=" + h + " low=" + l + " close=" + c
                + " volume=" + v, problem);
            return;
        }
        checker.accept(t, n);
        out.add(n, t, o, h, l, c, v);
    }

    private static String missing(long t, double o, double h, double l, double c, double v) {
        StringBuilder m = new StringBuilder();
        if (t == Long.MIN_VALUE) m.append(" endTime");
        if (Double.isNaN(o)) m.append(" openPrice");
        if (Double.isNaN(h)) m.append(" highPrice");
        if (Double.isNaN(l)) m.append(" lowPrice");
        if (Double.isNaN(c)) m.append(" closePrice");
        if (Double.isNaN(v)) m.append(" volume");
        return m.isEmpty() ? null : "bar lacks field(s)" + m;
    }

    private static long time(JsonParser p) throws IOException, Cells.BadCell {
        JsonToken t = p.currentToken();
        if (t == JsonToken.VALUE_NUMBER_INT) return p.getLongValue();
        if (t == JsonToken.VALUE_STRING) return Cells.time("endTime", p.getText().trim());
        throw new Cells.BadCell("endTime '" + p.getText() + "' is not a time (expected epoch millis)");
    }

    private static double number(JsonParser p, String name) throws IOException, Cells.BadCell {
        JsonToken t = p.currentToken();
        if (t == JsonToken.VALUE_NUMBER_INT || t == JsonToken.VALUE_NUMBER_FLOAT) {
            double d = p.getDoubleValue();
            if (!Double.isFinite(d)) throw new Cells.BadCell(name + " '" + p.getText() + "' is out of range");
            return d;
        }
        if (t == JsonToken.VALUE_STRING) return Cells.number(name, p.getText().trim());
        p.skipChildren();
        throw new Cells.BadCell(name + " is not a number");
    }

    private static long line(JsonParser p) { return p.currentTokenLocation().getLineNr(); }

    /** Jackson appends "(start marker at [Source: REDACTED ...; line: 1, column: 9])": keep only the line and column. */
    static String withoutSourceInternals(String message) {
        return message.replaceAll("\\[Source: [^;\\]]*; ", "[").replace("\n", " ");
    }
}
