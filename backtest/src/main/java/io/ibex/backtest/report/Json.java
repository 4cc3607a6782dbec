package io.ibex.backtest.report;

import java.math.BigDecimal;

/** The little JSON the reports need, written by hand (the backtest module has no JSON library on purpose). */
final class Json {
    private Json() {}

    /** A JSON string literal: quotes, backslashes and control characters escaped. */
    static String string(String s) {
        StringBuilder b = new StringBuilder(s.length() + 2).append('"');
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '"' -> b.append("\\\"");
                case '\\' -> b.append("\\\\");
                case '\n' -> b.append("\\n");
                case '\r' -> b.append("\\r");
                case '\t' -> b.append("\\t");
                case '\b' -> b.append("\\b");
                case '\f' -> b.append("\\f");
                default -> {
                    if (c < 0x20 || c == '\u2028' || c == '\u2029') b.append(String.format("\\u%04x", (int) c));
                    else b.append(c);
                }
            }
        }
        return b.append('"').toString();
    }

    /** A JSON number, or {@code null} for NaN and infinities (JSON has no such numbers). */
    static String number(double v) {
        if (!Double.isFinite(v)) return "null";
        if (v == Math.rint(v) && Math.abs(v) < 1e15) return Long.toString((long) v);
        return Double.toString(v);
    }

    static String number(BigDecimal v) { return v == null ? "null" : CsvFiles.plain(v); }

    /** A parameter value: a number stays a number, anything else becomes a string. */
    static String value(String text) {
        try {
            double d = Double.parseDouble(text);
            if (Double.isFinite(d) && text.matches("-?\\d+(\\.\\d+)?([eE][-+]?\\d+)?")) return text;
        } catch (NumberFormatException e) {
            // not a number: fall through to a string
        }
        return string(text);
    }
}
