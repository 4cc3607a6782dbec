package io.ibex.gateway;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.OptionalDouble;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SnapshotParserTest {
    @Test
    void thePreflightAnswerHasRowsWithoutAnyField() {
        List<SnapshotRow> rows = SnapshotParser.parse(Recorded.body("snapshot/preflight"));
        assertThat(rows).extracting(SnapshotRow::conid).containsExactly(265598L, 8314L);
        assertThat(rows).allMatch(SnapshotRow::isPreflight);
        assertThat(rows.get(0).field(SnapshotFields.LAST)).isEmpty();
    }

    @Test
    void stringValuesKeepTheirPrefixFlagsSeparatorsAndVolumeSuffixes() {
        SnapshotRow aapl = SnapshotParser.parse(Recorded.body("snapshot/values")).get(0);
        assertThat(aapl.conid()).isEqualTo(265598L);
        assertThat(aapl.updatedMillis()).hasValue(1712596911593L);
        assertThat(aapl.field(SnapshotFields.LAST)).contains(new FieldValue.PriorClose(168.42));
        assertThat(aapl.field(SnapshotFields.BID)).contains(new FieldValue.Live(168.41));
        assertThat(aapl.field(SnapshotFields.BID_SIZE)).contains(new FieldValue.Live(1300));
        assertThat(aapl.field(SnapshotFields.VOLUME)).contains(new FieldValue.Live(1_230_000));
        assertThat(aapl.field(SnapshotFields.VOLUME_LONG)).contains(new FieldValue.Live(1_234_567));
        assertThat(aapl.text(SnapshotFields.SYMBOL)).contains("AAPL");
        assertThat(aapl.text(SnapshotFields.AVAILABILITY)).contains("RpB");
        assertThat(aapl.isPreflight()).isFalse();
    }

    @Test
    void haltedSuffixOnNonVolumeJunkAndEmptyValuesAreAbsentOrHaltedNeverZero() {
        SnapshotRow spy = SnapshotParser.parse(Recorded.body("snapshot/values")).get(1);
        assertThat(spy.conid()).as("conid as a string").isEqualTo(756733L);
        assertThat(spy.updatedMillis()).hasValue(1712596911000L);
        assertThat(spy.field(SnapshotFields.LAST)).contains(new FieldValue.Halted(OptionalDouble.empty()));
        assertThat(spy.field(SnapshotFields.BID)).as("K suffix on a price field is junk").isEmpty();
        assertThat(spy.field(SnapshotFields.ASK)).as("empty string").isEmpty();
        assertThat(spy.field(7295)).as("n/a").isEmpty();
        assertThat(spy.field(SnapshotFields.CHANGE_PCT)).as("a JSON number").contains(new FieldValue.Live(0.04));
        assertThat(spy.field(70)).contains(new FieldValue.Live(4471.16));
    }

    @Test
    void nestedJunkAndNullsAreSkipped() {
        SnapshotRow row = SnapshotParser.parse(Recorded.body("snapshot/values")).get(2);
        assertThat(row.field(SnapshotFields.LAST)).contains(new FieldValue.Live(12.5));
        assertThat(row.values()).hasSize(1);
    }

    @Test
    void aBodyThatIsNotAnArrayIsAProtocolError() {
        assertThatThrownBy(() -> SnapshotParser.parse("<html>Access Denied</html>")).isInstanceOf(GatewayProtocolException.class);
        assertThatThrownBy(() -> SnapshotParser.parse("{\"error\":\"x\"}")).isInstanceOf(GatewayProtocolException.class);
        assertThatThrownBy(() -> SnapshotParser.parse("[{\"31\":\"1")).isInstanceOf(GatewayProtocolException.class);
    }
}
