package io.ibex.gateway;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * One conid's snapshot. A field that is missing is absent, never 0. {@link #isPreflight()} is true for the empty
 * first answer that only opens the stream. Immutable; fields are kept in small parallel arrays (a poll decodes up to
 * 100 rows every 500 ms, so no per-row hash maps).
 */
public final class SnapshotRow {
    private static final long NO_TIME = Long.MIN_VALUE;
    private final long conid;
    private final long updatedMillis;
    private final int[] valueIds;
    private final FieldValue[] values;
    private final int[] textIds;
    private final String[] texts;

    /** @param updatedMillis the gateway's {@code _updated} epoch ms, if sent */
    public SnapshotRow(long conid, OptionalLong updatedMillis, Map<Integer, FieldValue> values, Map<Integer, String> texts) {
        this(conid, updatedMillis.orElse(NO_TIME),
            values.keySet().stream().mapToInt(Integer::intValue).toArray(), values.values().toArray(FieldValue[]::new),
            texts.keySet().stream().mapToInt(Integer::intValue).toArray(), texts.values().toArray(String[]::new));
    }

    /** Takes ownership of the arrays (the parser hands over fresh copies). */
    SnapshotRow(long conid, long updatedMillis, int[] valueIds, FieldValue[] values, int[] textIds, String[] texts) {
        if (valueIds.length != values.length || textIds.length != texts.length)
            throw new IllegalArgumentException("field ids and values differ in length");
        for (FieldValue v : values) Objects.requireNonNull(v, "field value");
        for (String t : texts) Objects.requireNonNull(t, "text value");
        this.conid = conid;
        this.updatedMillis = updatedMillis;
        this.valueIds = valueIds;
        this.values = values;
        this.textIds = textIds;
        this.texts = texts;
    }

    /** A row with no field: what a conid that never got past the pre-flight looks like. */
    public static SnapshotRow empty(long conid) {
        return new SnapshotRow(conid, NO_TIME, new int[0], new FieldValue[0], new int[0], new String[0]);
    }

    public long conid() { return conid; }

    public OptionalLong updatedMillis() { return updatedMillis == NO_TIME ? OptionalLong.empty() : OptionalLong.of(updatedMillis); }

    public Optional<FieldValue> field(int id) {
        for (int i = 0; i < valueIds.length; i++) if (valueIds[i] == id) return Optional.of(values[i]);
        return Optional.empty();
    }

    public Optional<String> text(int id) {
        for (int i = 0; i < textIds.length; i++) if (textIds[i] == id) return Optional.of(texts[i]);
        return Optional.empty();
    }

    /** The numeric fields, in arrival order. */
    public Map<Integer, FieldValue> values() {
        Map<Integer, FieldValue> m = new LinkedHashMap<>();
        for (int i = 0; i < valueIds.length; i++) m.put(valueIds[i], values[i]);
        return m;
    }

    /** The text fields (symbol, availability, ...), in arrival order. */
    public Map<Integer, String> texts() {
        Map<Integer, String> m = new LinkedHashMap<>();
        for (int i = 0; i < textIds.length; i++) m.put(textIds[i], texts[i]);
        return m;
    }

    /**
     * This row updated by a newer one that carries only the fields that changed (a WebSocket {@code smd} push): the
     * newer value wins, every other field keeps its last value, and the newer {@code _updated} is kept if it has one.
     */
    public SnapshotRow mergedWith(SnapshotRow newer) {
        if (newer.conid != conid) throw new IllegalArgumentException("cannot merge conid " + newer.conid + " into " + conid);
        int[] vIds = Arrays.copyOf(valueIds, valueIds.length + newer.valueIds.length);
        FieldValue[] vs = Arrays.copyOf(values, vIds.length);
        int n = merge(vIds, vs, valueIds.length, newer.valueIds, newer.values);
        int[] tIds = Arrays.copyOf(textIds, textIds.length + newer.textIds.length);
        String[] ts = Arrays.copyOf(texts, tIds.length);
        int m = merge(tIds, ts, textIds.length, newer.textIds, newer.texts);
        return new SnapshotRow(conid, newer.updatedMillis != NO_TIME ? newer.updatedMillis : updatedMillis,
            Arrays.copyOf(vIds, n), Arrays.copyOf(vs, n), Arrays.copyOf(tIds, m), Arrays.copyOf(ts, m));
    }

    /** Puts each newer (id, value) into the first {@code size} slots, replacing the same id or appending; returns the size. */
    private static <T> int merge(int[] ids, T[] vals, int size, int[] newerIds, T[] newerVals) {
        next:
        for (int j = 0; j < newerIds.length; j++) {
            for (int i = 0; i < size; i++) {
                if (ids[i] == newerIds[j]) {
                    vals[i] = newerVals[j];
                    continue next;
                }
            }
            ids[size] = newerIds[j];
            vals[size++] = newerVals[j];
        }
        return size;
    }

    /** True when the row carries no field at all (the pre-flight answer). */
    public boolean isPreflight() { return valueIds.length == 0 && textIds.length == 0; }

    @Override public boolean equals(Object o) {
        return o instanceof SnapshotRow r && r.conid == conid && r.updatedMillis == updatedMillis
            && r.values().equals(values()) && r.texts().equals(texts());
    }

    @Override public int hashCode() { return Long.hashCode(conid) * 31 + Arrays.hashCode(valueIds); }

    @Override public String toString() { return "SnapshotRow[conid=" + conid + ", values=" + values() + ", texts=" + texts() + "]"; }
}
