package io.ibex.gateway;

import com.fasterxml.jackson.databind.JsonNode;
import io.ibex.framework.domain.Side;

import java.math.BigDecimal;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * Reads the gateway's loosely typed scalars: conid and order_id as string or number, side as BUY/B/Buy/BOT,
 * numbers as formatted strings ({@code "1,977.60"}), timestamps as epoch ms, epoch s, {@code yyMMddHHmmss} or
 * {@code yyyyMMdd-HH:mm:ss} (UTC). Absent or unreadable values come back empty, never as 0.
 */
public final class Lenient {
    private static final DateTimeFormatter YYMMDDHHMMSS = DateTimeFormatter.ofPattern("yyMMddHHmmss", Locale.ROOT);
    private static final DateTimeFormatter YYYYMMDDHHMMSS = DateTimeFormatter.ofPattern("yyyyMMddHHmmss", Locale.ROOT);
    private static final DateTimeFormatter TRADE_TIME = DateTimeFormatter.ofPattern("yyyyMMdd-HH:mm:ss", Locale.ROOT);
    /** Epoch values below this are seconds (it is 1973 in ms, 5138 in s). */
    private static final long SECONDS_LIMIT = 100_000_000_000L;

    private Lenient() {}

    public static OptionalLong conid(JsonNode node) {
        if (node == null || node.isNull()) return OptionalLong.empty();
        if (node.isIntegralNumber()) return OptionalLong.of(node.asLong());
        if (node.isNumber()) return OptionalLong.of((long) node.asDouble());
        if (node.isTextual()) {
            String s = node.asText().trim();
            int at = s.indexOf('@'); // conidex "265598@SMART"
            if (at > 0) s = s.substring(0, at);
            try {
                return OptionalLong.of(Long.parseLong(s));
            } catch (NumberFormatException e) {
                return OptionalLong.empty();
            }
        }
        return OptionalLong.empty();
    }

    /** order_id as a string whatever its JSON type; empty when absent. */
    public static Optional<String> id(JsonNode node) {
        if (node == null || node.isNull()) return Optional.empty();
        if (node.isIntegralNumber()) return Optional.of(Long.toString(node.asLong()));
        if (node.isNumber()) return Optional.of(Long.toString((long) node.asDouble()));
        String s = node.asText().trim();
        return s.isEmpty() ? Optional.empty() : Optional.of(s);
    }

    public static Optional<Side> side(JsonNode node) {
        if (node == null || !node.isTextual()) return Optional.empty();
        return switch (node.asText().trim().toUpperCase(Locale.ROOT)) {
            case "BUY", "B", "BOT", "BOUGHT" -> Optional.of(Side.BUY);
            case "SELL", "S", "SLD", "SOLD", "SSHORT" -> Optional.of(Side.SELL);
            default -> Optional.empty();
        };
    }

    public static Optional<BigDecimal> decimal(JsonNode node) {
        if (node == null || node.isNull()) return Optional.empty();
        if (node.isNumber()) return Optional.of(node.decimalValue());
        if (!node.isTextual()) return Optional.empty();
        String s = node.asText().trim().replace(",", "");
        if (s.isEmpty()) return Optional.empty();
        try {
            return Optional.of(new BigDecimal(s));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }

    public static String text(JsonNode node) {
        return node == null || node.isNull() ? "" : node.asText();
    }

    public static OptionalLong epochMillis(JsonNode node) {
        if (node == null || node.isNull()) return OptionalLong.empty();
        if (node.isNumber()) return OptionalLong.of(fromEpochNumber(node.asLong()));
        if (!node.isTextual()) return OptionalLong.empty();
        return epochMillis(node.asText());
    }

    public static OptionalLong epochMillis(String raw) {
        String s = raw.trim();
        try {
            if (s.length() == 12 && isDigits(s)) return utc(LocalDateTime.parse(s, YYMMDDHHMMSS));
            if (s.length() == 14 && isDigits(s)) return utc(LocalDateTime.parse(s, YYYYMMDDHHMMSS));
            if (s.length() == 17 && s.charAt(8) == '-') return utc(LocalDateTime.parse(s, TRADE_TIME));
            if (!s.isEmpty() && isDigits(s)) return OptionalLong.of(fromEpochNumber(Long.parseLong(s)));
        } catch (DateTimeParseException | NumberFormatException e) {
            return OptionalLong.empty();
        }
        return OptionalLong.empty();
    }

    private static long fromEpochNumber(long v) {
        return Math.abs(v) < SECONDS_LIMIT ? v * 1000 : v;
    }

    private static OptionalLong utc(LocalDateTime t) {
        return OptionalLong.of(t.toInstant(ZoneOffset.UTC).toEpochMilli());
    }

    private static boolean isDigits(String s) {
        for (int i = 0; i < s.length(); i++) if (s.charAt(i) < '0' || s.charAt(i) > '9') return false;
        return true;
    }
}
