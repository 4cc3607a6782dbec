package io.ibex.live.gateway;

import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * One conid's snapshot. A field that is missing is absent, never 0. {@link #isPreflight()} is true for the empty
 * first answer that only opens the stream.
 *
 * @param updatedMillis the gateway's {@code _updated} epoch ms, if sent
 */
public record SnapshotRow(long conid, OptionalLong updatedMillis, Map<Integer, FieldValue> values, Map<Integer, String> texts) {
    public SnapshotRow {
        values = Map.copyOf(values);
        texts = Map.copyOf(texts);
    }

    public Optional<FieldValue> field(int id) { return Optional.ofNullable(values.get(id)); }

    public Optional<String> text(int id) { return Optional.ofNullable(texts.get(id)); }

    /** True when the row carries no field at all (the pre-flight answer). */
    public boolean isPreflight() { return values.isEmpty() && texts.isEmpty(); }
}
