package io.ibex.gateway;

import com.fasterxml.jackson.databind.JsonNode;

/** Extracts the human text of a gateway error body: {@code {"error":"..","statusCode":400}}, plain text, or empty. */
public final class ErrorBody {
    private ErrorBody() {}

    public static String message(String body) {
        if (body == null || body.isBlank()) return "";
        String trimmed = body.strip();
        if (trimmed.startsWith("{")) {
            try {
                JsonNode node = Json.MAPPER.readTree(trimmed);
                for (String key : new String[]{"error", "message", "msg"}) {
                    JsonNode v = node.get(key);
                    if (v != null && v.isTextual() && !v.asText().isBlank()) return v.asText();
                }
            } catch (Exception notJson) {
                // fall through to the raw text
            }
        }
        String oneLine = trimmed.replaceAll("\\s+", " ");
        return oneLine.length() > 200 ? oneLine.substring(0, 200) + "..." : oneLine;
    }
}
