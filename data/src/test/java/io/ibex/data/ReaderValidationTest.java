package io.ibex.data;

import io.ibex.framework.domain.Bars;
import io.ibex.framework.domain.Instrument;
import io.ibex.framework.error.DataException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ReaderValidationTest {
    private static final String HEADER = "date,open,high,low,close,volume\n";
    /** Lines 2 and 3 are good; line 4 is blank; the bad row under test is line 5. */
    private static final String GOOD = HEADER + "2013-01-02,11,12,10,11.5,100\n2013-01-03,11,12,10,11.5,100\n\n";

    static Bars read(String fileName, String content, Duration bar, BadRows bad) throws IOException {
        return BarFiles.read(new ByteArrayInputStream(content.getBytes(StandardCharsets.UTF_8)), fileName, fileName,
            Instrument.of("X"), fileName, bar, bad);
    }

    static Bars read(String fileName, String content) throws IOException {
        return read(fileName, content, null, BadRows.failFast());
    }

    @ParameterizedTest(name = "{1}")
    @CsvSource(delimiter = '|', value = {
        "2013-01-04,11,abc,10,11.5,100    | high 'abc' is not a number",
        "2013-01-04,11,NaN,10,11.5,100    | high 'NaN' is not a number",
        "2013-01-04,11,1e999,10,11.5,100  | high '1e999' is out of range",
        "2013-01-04,11,10,12,11,100       | high 10.0 < low 12.0",
        "2013-01-04,13,12,10,11,100       | open 13.0 is outside low..high 10.0..12.0",
        "2013-01-04,11,12,10,9.5,100      | close 9.5 is outside low..high 10.0..12.0",
        "2013-01-04,0,12,10,11,100        | open 0.0 is not a positive price",
        "2013-01-04,11,12,-1,11,100       | low -1.0 is not a positive price",
        "2013-01-04,11,12,10,11,-5        | volume -5.0 is negative",
        "2013-01-01,11,12,10,11,100       | time 2013-01-01T00:00:00Z goes backwards (line 3 has 2013-01-03T00:00:00Z; rows must be sorted by time)",
        "2013-01-03,11,12,10,11,100       | duplicate time 2013-01-03T00:00:00Z (line 3 has the same time)",
        "2013-01-04,11,12,10,11           | has 5 columns, expected 6",
        "2013-01-04,11,12,10,11,100,7     | has 7 columns, expected 6",
        "2013-02-30,11,12,10,11,100       | time '2013-02-30' is not a valid date (yyyy-MM-dd)",
        "yesterday,11,12,10,11,100        | time 'yesterday' is not a date/time (use 2013-01-02, 2013-01-02T09:30:00[Z], or epoch seconds/millis)",
    })
    void aBadBarRowFailsTheReadNamingFileLineAndReason(String row, String reason) {
        assertThatThrownBy(() -> read("bars.csv", GOOD + row.trim() + "\n2013-01-05,11,12,10,11.5,100\n"))
            .isInstanceOf(DataException.class).hasMessage("bars.csv:5: " + reason);
    }

    @Test
    void anOverlongLineIsRefusedWithItsNumberInsteadOfBeingParsed() {
        String huge = "2013-01-04,11,12,10,11.5," + "9".repeat(70_000);
        assertThatThrownBy(() -> read("bars.csv", GOOD + huge + "\n")).isInstanceOf(DataException.class)
            .hasMessage("bars.csv:5: line is " + huge.length() + " characters long, more than 65536");
    }

    @Test
    void aHeaderWithoutRequiredColumnsIsRefusedNamingThem() {
        assertThatThrownBy(() -> read("bars.csv", "date,open,close,volume\n2013-01-02,1,1,1\n"))
            .isInstanceOf(DataException.class)
            .hasMessageStartingWith("bars.csv:1: header lacks column(s) high low (accepted names:");
    }

    @Test
    void anEmptyFileSaysWhatWasExpected() {
        assertThatThrownBy(() -> read("bars.csv", "\n\n"))
            .isInstanceOf(DataException.class).hasMessageStartingWith("bars.csv: the file is empty");
    }

    @Test
    void headerNamesAliasesDelimitersAndTimeFormatsAreDetected() throws IOException {
        String[] files = {
            "Timestamp;Vol;Open;High;Low;Close\n1357084800;100;11;12;10;11.5\n",
            "datetime\topen\thigh\tlow\tclose\tvolume\n2013-01-02T00:00:00Z\t11\t12\t10\t11.5\t100\n",
            "DATE,OPEN,HIGH,LOW,CLOSE,VOLUME\n1357084800000,11,12,10,11.5,100\n",
            "Date,Time,Open,High,Low,Close,Volume\n2013-01-02,00:00:00,11,12,10,11.5,100\n",
            "time,open,high,low,close,volume\n2013-01-02 01:00:00+01:00,11,12,10,11.5,100\n",
            "\uFEFF\"date\",\"open\",\"high\",\"low\",\"close\",\"volume\"\n\"2013-01-02\",11,12,10,11.5,100\n",
            "2013-01-02T00:00,11,12,10,11.5,100\n",
        };
        for (String f : files) {
            Bars bars = read("b.csv", f);
            assertThat(bars.size()).as(f).isEqualTo(1);
            assertThat(Instant.ofEpochMilli(bars.time(0))).as(f).isEqualTo(Instant.parse("2013-01-02T00:00:00Z"));
            assertThat(new double[] {bars.open(0), bars.high(0), bars.low(0), bars.close(0), bars.volume(0)}).as(f)
                .containsExactly(11, 12, 10, 11.5, 100);
        }
    }

    @Test
    void skippingBadRowsKeepsTheGoodOnesAndRecordsEachRejectWithItsLine() throws IOException {
        BadRows bad = BadRows.collect();
        Bars bars = read("bars.csv", GOOD + "2013-01-04,11,10,12,11,100\n2013-01-05,11,12,10,11.5,100\n"
            + "2013-01-05,11,12,10,11.5,100\n", null, bad);
        assertThat(bars.size()).isEqualTo(3);
        assertThat(bad.rejected()).containsExactly(
            new RejectedRow(5, "2013-01-04,11,10,12,11,100", "high 10.0 < low 12.0"),
            new RejectedRow(7, "2013-01-05,11,12,10,11.5,100",
                "duplicate time 2013-01-05T00:00:00Z (line 6 has the same time)"));
    }

    @ParameterizedTest(name = "{1}")
    @CsvSource(delimiter = '|', value = {
        "120,x,1        | price 'x' is not a number",
        "120,0,1        | price 0.0 is not a positive price",
        "120,10,-1      | amount -1.0 is negative",
        "59,10,1        | time 1970-01-01T00:00:59Z goes backwards (line 3 has 1970-01-01T00:01:01Z; ticks must be sorted by time)",
        "120,10         | has 2 columns, expected 3",
    })
    void aBadTickFailsTheReadNamingFileLineAndReason(String row, String reason) {
        String ticks = "timestamp,price,amount\n60,10,1\n61,12,2\n\n" + row.trim() + "\n";
        assertThatThrownBy(() -> read("ticks.csv", ticks, Duration.ofMinutes(1), BadRows.failFast()))
            .isInstanceOf(DataException.class).hasMessage("ticks.csv:5: " + reason);
    }

    @Test
    void ticksSharingATimestampAreFine() throws IOException {
        Bars bars = read("ticks.csv", "timestamp,price,amount\n60,10,1\n60,11,1\n", Duration.ofMinutes(1),
            BadRows.failFast());
        assertThat(bars.high(0)).isEqualTo(11.0);
        assertThat(bars.close(0)).isEqualTo(11.0);
    }

    @Test
    void emptyTickBucketsProduceNoBar() throws IOException {
        Bars bars = read("ticks.csv", "timestamp,price,amount\n0,10,1\n600,11,1\n", Duration.ofMinutes(1),
            BadRows.failFast());
        assertThat(bars.size()).isEqualTo(2);
        assertThat(bars.time(1)).isEqualTo(600_000L);
    }

    @Test
    void aBadJsonBarIsReportedAtTheLineOfItsOpeningBrace() {
        String json = """
            {"name": "x", "ohlc": [
              {"endTime": 1000, "openPrice": 1, "highPrice": 2, "lowPrice": 1, "closePrice": 2, "volume": 3},
              {"endTime": 2000, "openPrice": 1,
               "highPrice": 0.5, "lowPrice": 1, "closePrice": 2, "volume": 3}
            ]}
            """;
        assertThatThrownBy(() -> read("e.json", json)).isInstanceOf(DataException.class)
            .hasMessage("e.json:3: high 0.5 < low 1.0");
    }

    @Test
    void jsonBarsWithMissingFieldsOrBrokenSyntaxAreReportedWithALine() {
        assertThatThrownBy(() -> read("e.json", "{\"ohlc\": [\n{\"endTime\": 1000, \"openPrice\": 1}]}"))
            .isInstanceOf(DataException.class)
            .hasMessage("e.json:2: bar lacks field(s) highPrice lowPrice closePrice volume");
        assertThatThrownBy(() -> read("e.json", "{\"ohlc\": [\n{\"endTime\": 1000,\n\"openPrice\": }]}"))
            .isInstanceOf(DataException.class).hasMessageStartingWith("e.json:3: invalid JSON");
        assertThatThrownBy(() -> read("e.json", "{\"ohlc\": [{\"endTime\": 1000, \"openPrice\": \"NaN\","
            + " \"highPrice\": 2, \"lowPrice\": 1, \"closePrice\": 2, \"volume\": 3}]}"))
            .isInstanceOf(DataException.class).hasMessage("e.json:1: openPrice 'NaN' is not a number");
    }

    @Test
    void deeplyNestedJsonIsAParseErrorNotAStackOverflow() {
        String deep = "{\"x\":" + "[".repeat(100_000) + "]".repeat(100_000) + "}";
        assertThatThrownBy(() -> read("deep.json", deep)).isInstanceOf(DataException.class)
            .hasMessageStartingWith("deep.json:1: invalid JSON");
    }

    @Test
    void aTruncatedJsonFileNamesTheUnclosedArrayWithoutJacksonInternals() {
        assertThatThrownBy(() -> read("bad.json", "{\"ohlc\": [\n{\"endTime\": 1000"))
            .isInstanceOf(DataException.class)
            .hasMessageStartingWith("bad.json:2: invalid JSON")
            .hasMessageNotContaining("Source:").hasMessageNotContaining("StreamReadFeature");
    }

    @Test
    void aBarCsvWithoutAVolumeColumnReadsWithVolumeZero() throws IOException {
        Bars bars = read("novol.csv", "date,open,high,low,close\n2013-01-02,10,11,9,10.5\n2013-01-03,10.5,12,10,11\n");
        assertThat(bars.size()).isEqualTo(2);
        assertThat(bars.volume(0)).isZero();
        assertThat(bars.close(1)).isEqualTo(11.0);
    }
}
