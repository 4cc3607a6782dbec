package io.ibex.live.gateway;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;

import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;

/**
 * Decodes {@code /iserver/marketdata/snapshot} answers with Jackson's streaming parser (it runs on every poll, so
 * no tree is built). Field values go through {@link SnapshotFields#parse}; rows without a conid are skipped;
 * a body that is not a JSON array of objects is a {@link GatewayProtocolException}.
 */
public final class SnapshotParser {
    private static final JsonFactory FACTORY = Json.MAPPER.getFactory();

    private SnapshotParser() {}

    public static List<SnapshotRow> parse(String body) {
        try (JsonParser p = FACTORY.createParser(body)) {
            if (p.nextToken() != JsonToken.START_ARRAY)
                throw new GatewayProtocolException("/iserver/marketdata/snapshot", "expected a JSON array, got: " + ErrorBody.message(body));
            List<SnapshotRow> rows = new ArrayList<>();
            JsonToken t;
            while ((t = p.nextToken()) != JsonToken.END_ARRAY) {
                if (t != JsonToken.START_OBJECT) {
                    p.skipChildren();
                    continue;
                }
                SnapshotRow row = row(p);
                if (row != null) rows.add(row);
            }
            return rows;
        } catch (IOException e) {
            throw new GatewayProtocolException("/iserver/marketdata/snapshot", "unreadable JSON: " + (e instanceof com.fasterxml.jackson.core.JsonProcessingException j ? j.getOriginalMessage() : e.getMessage()));
        }
    }

    private static SnapshotRow row(JsonParser p) throws IOException {
        long conid = -1;
        long updated = Long.MIN_VALUE;
        Map<Integer, FieldValue> values = new HashMap<>();
        Map<Integer, String> texts = new HashMap<>();
        while (p.nextToken() == JsonToken.FIELD_NAME) {
            String name = p.currentName();
            JsonToken v = p.nextToken();
            if (v == JsonToken.START_OBJECT || v == JsonToken.START_ARRAY) {
                p.skipChildren();
                continue;
            }
            int field = fieldNumber(name);
            if (field >= 0) {
                if (v == JsonToken.VALUE_NULL) continue;
                if (SnapshotFields.isText(field)) {
                    texts.put(field, p.getText());
                } else if (v == JsonToken.VALUE_NUMBER_INT || v == JsonToken.VALUE_NUMBER_FLOAT) {
                    double d = p.getDoubleValue();
                    if (Double.isFinite(d)) values.put(field, new FieldValue.Live(d));
                } else if (v == JsonToken.VALUE_STRING) {
                    FieldValue fv = SnapshotFields.parse(field, p.getText());
                    if (fv != null) values.put(field, fv);
                }
            } else if (name.equals("conid")) {
                conid = longValue(p, v);
            } else if (name.equals("_updated")) {
                updated = longValue(p, v);
            }
        }
        if (conid < 0) return null;
        return new SnapshotRow(conid, updated == Long.MIN_VALUE || updated < 0 ? OptionalLong.empty() : OptionalLong.of(updated),
            values, texts);
    }

    private static long longValue(JsonParser p, JsonToken v) throws IOException {
        if (v == JsonToken.VALUE_NUMBER_INT) return p.getLongValue();
        if (v == JsonToken.VALUE_NUMBER_FLOAT) return (long) p.getDoubleValue();
        if (v == JsonToken.VALUE_STRING) {
            try {
                return Long.parseLong(p.getText().trim());
            } catch (NumberFormatException e) {
                return -1;
            }
        }
        return -1;
    }

    /** "31" -> 31; anything not all digits -> -1. */
    private static int fieldNumber(String name) {
        int n = name.length();
        if (n == 0 || n > 6) return -1;
        int v = 0;
        for (int i = 0; i < n; i++) {
            char c = name.charAt(i);
            if (c < '0' || c > '9') return -1;
            v = v * 10 + (c - '0');
        }
        return v;
    }
}
