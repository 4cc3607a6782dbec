package io.ibex.gateway;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

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
            Scratch scratch = new Scratch();
            JsonToken t;
            while ((t = p.nextToken()) != JsonToken.END_ARRAY) {
                if (t != JsonToken.START_OBJECT) {
                    p.skipChildren();
                    continue;
                }
                SnapshotRow row = row(p, scratch);
                if (row != null) rows.add(row);
            }
            return rows;
        } catch (IOException e) {
            throw new GatewayProtocolException("/iserver/marketdata/snapshot", "unreadable JSON: " + (e instanceof com.fasterxml.jackson.core.JsonProcessingException j ? j.getOriginalMessage() : e.getMessage()));
        }
    }

    /**
     * One JSON object with snapshot fields, as a WebSocket {@code smd} message carries them (only the changed fields,
     * plus conid and {@code _updated}); null when it has no conid. Same rules as {@link #parse}.
     */
    public static SnapshotRow parseObject(String json) {
        try (JsonParser p = FACTORY.createParser(json)) {
            if (p.nextToken() != JsonToken.START_OBJECT)
                throw new GatewayProtocolException("/ws smd", "expected a JSON object, got: " + ErrorBody.message(json));
            return row(p, new Scratch());
        } catch (IOException e) {
            throw new GatewayProtocolException("/ws smd", "unreadable JSON: " + (e instanceof com.fasterxml.jackson.core.JsonProcessingException j ? j.getOriginalMessage() : e.getMessage()));
        }
    }

    /** Per-call scratch space: the fields of the row being read, copied out once the row ends. */
    private static final class Scratch {
        int[] valueIds = new int[32];
        FieldValue[] values = new FieldValue[32];
        int valueCount;
        int[] textIds = new int[8];
        String[] texts = new String[8];
        int textCount;
        final CharSlice slice = new CharSlice();

        void addValue(int id, FieldValue v) {
            if (valueCount == valueIds.length) {
                valueIds = Arrays.copyOf(valueIds, valueCount * 2);
                values = Arrays.copyOf(values, valueCount * 2);
            }
            valueIds[valueCount] = id;
            values[valueCount++] = v;
        }

        void addText(int id, String t) {
            if (textCount == textIds.length) {
                textIds = Arrays.copyOf(textIds, textCount * 2);
                texts = Arrays.copyOf(texts, textCount * 2);
            }
            textIds[textCount] = id;
            texts[textCount++] = t;
        }
    }

    private static SnapshotRow row(JsonParser p, Scratch s) throws IOException {
        long conid = -1;
        long updated = Long.MIN_VALUE;
        s.valueCount = 0;
        s.textCount = 0;
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
                    s.addText(field, p.getText());
                } else if (v == JsonToken.VALUE_NUMBER_INT || v == JsonToken.VALUE_NUMBER_FLOAT) {
                    double d = p.getDoubleValue();
                    if (Double.isFinite(d)) s.addValue(field, new FieldValue.Live(d));
                } else if (v == JsonToken.VALUE_STRING) {
                    FieldValue fv = SnapshotFields.parse(field, s.slice.of(p.getTextCharacters(), p.getTextOffset(), p.getTextLength()));
                    if (fv != null) s.addValue(field, fv);
                }
            } else if (name.equals("conid")) {
                conid = longValue(p, v);
            } else if (name.equals("_updated")) {
                updated = longValue(p, v);
            }
        }
        if (conid < 0) return null;
        return new SnapshotRow(conid, updated < 0 ? Long.MIN_VALUE : updated,
            Arrays.copyOf(s.valueIds, s.valueCount), Arrays.copyOf(s.values, s.valueCount),
            Arrays.copyOf(s.textIds, s.textCount), Arrays.copyOf(s.texts, s.textCount));
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
