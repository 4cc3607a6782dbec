package io.ibex.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** WebSocket smd pushes: parsed with the snapshot rules and merged into the last quote. */
class SnapshotRowMergeTest {
    @Test void aPushCarriesOnlyChangedFieldsAndTheMergeKeepsTheRest() {
        SnapshotRow first = SnapshotParser.parseObject("{\"31\":\"C189.37\",\"84\":\"189.36\",\"88\":\"1,300\",\"55\":\"AAPL\","
            + "\"conid\":265598,\"_updated\":1000,\"topic\":\"smd+265598\"}");
        SnapshotRow push = SnapshotParser.parseObject("{\"31\":\"189.50\",\"83\":0.04,\"conid\":265598,\"_updated\":2000,"
            + "\"topic\":\"smd+265598\"}");
        SnapshotRow merged = first.mergedWith(push);
        assertThat(first.field(31)).contains(new FieldValue.PriorClose(189.37));
        assertThat(merged.field(31)).contains(new FieldValue.Live(189.50));
        assertThat(merged.field(84)).contains(new FieldValue.Live(189.36));
        assertThat(merged.field(88)).contains(new FieldValue.Live(1300));
        assertThat(merged.field(83)).as("a JSON number").contains(new FieldValue.Live(0.04));
        assertThat(merged.field(86)).as("never sent: absent, not 0").isEmpty();
        assertThat(merged.text(55)).contains("AAPL");
        assertThat(merged.updatedMillis()).hasValue(2000);
        assertThat(merged.values().keySet()).containsExactly(31, 84, 88, 83);
    }

    @Test void aPushWithoutUpdatedKeepsTheLastTimeAndAnHaltedPriceStaysHalted() {
        SnapshotRow first = SnapshotParser.parseObject("{\"31\":\"189.37\",\"conid\":265598,\"_updated\":1000}");
        SnapshotRow merged = first.mergedWith(SnapshotParser.parseObject("{\"31\":\"H189.40\",\"conid\":\"265598\"}"));
        assertThat(merged.field(31).orElseThrow()).isInstanceOf(FieldValue.Halted.class);
        assertThat(merged.updatedMillis()).hasValue(1000);
        assertThat(SnapshotParser.parseObject("{\"topic\":\"smd+1\",\"31\":\"1.00\"}")).as("no conid").isNull();
    }
}
