package io.ibex.cli.account;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;

import java.io.PrintWriter;
import java.math.BigDecimal;

/** Number and JSON formatting for command output. */
final class Output {
    private static final JsonMapper JSON = JsonMapper.builder()
        .findAndAddModules()
        .enable(com.fasterxml.jackson.core.JsonGenerator.Feature.WRITE_BIGDECIMAL_AS_PLAIN)
        .disable(SerializationFeature.FAIL_ON_EMPTY_BEANS)
        .build();

    private Output() {}

    static void json(PrintWriter out, Object value) {
        try {
            out.println(JSON.writerWithDefaultPrettyPrinter().writeValueAsString(value));
            out.flush();
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write JSON output", e);
        }
    }

    /** One compact JSON value on one line (JSON Lines, for streams). */
    static void jsonLine(PrintWriter out, Object value) {
        try {
            out.println(JSON.writeValueAsString(value));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write JSON output", e);
        }
    }

    static String num(BigDecimal v) { return v == null ? "-" : v.stripTrailingZeros().toPlainString(); }

    /** A price to 10 significant digits: 456.99 where the gateway's double says 456.98999999999995. */
    static String price(BigDecimal v) {
        return v == null ? "-" : v.round(new java.math.MathContext(10)).stripTrailingZeros().toPlainString();
    }

    static String money(BigDecimal v) {
        return v == null ? "-" : String.format(java.util.Locale.ROOT, "%,.2f", v);
    }

    static String num(double v) {
        return BigDecimal.valueOf(v).stripTrailingZeros().toPlainString();
    }
}
