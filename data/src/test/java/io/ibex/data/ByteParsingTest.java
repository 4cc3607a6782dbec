package io.ibex.data;

import io.ibex.framework.domain.Bars;
import io.ibex.framework.domain.Instrument;
import io.ibex.framework.error.DataException;
import org.junit.jupiter.api.Test;
import org.quicktheories.core.Gen;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.doubles;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.lists;
import static org.quicktheories.generators.SourceDSL.longs;

/** The byte parsers of the reading path agree with the JDK's: Double.parseDouble and DateTimeFormatter. */
class ByteParsingTest {
    private static final String NUMBER_CHARS = "0123456789.+-eE";
    private static final String TIME_CHARS = "0123456789-:.TtZz +";

    @Test
    void numbersReadFromBytesEqualDoubleParseDouble() {
        qt().withExamples(20_000).forAll(text(NUMBER_CHARS, 12)).checkAssert(s -> {
            assertThat(byteNumber(s)).as(s).isEqualTo(jdkNumber(s));
        });
    }

    @Test
    void everyDoublesShortestTextReadsBackExactly() {
        qt().withExamples(20_000).forAll(doubles().any()).checkAssert(d -> {
            if (!Double.isFinite(d)) return;
            String s = Double.toString(d), plain = new java.math.BigDecimal(d).toPlainString();
            assertThat(byteNumber(s)).isEqualTo(d);
            assertThat(byteNumber(plain)).as(plain).isEqualTo(d);
        });
    }

    @Test
    void isoTimesReadFromBytesEqualTheDateTimeFormatterPath() {
        DateTimeFormatter[] styles = {
            DateTimeFormatter.ofPattern("uuuu-MM-dd"), DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm"),
            DateTimeFormatter.ofPattern("uuuu-MM-dd HH:mm:ss"), DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss'Z'"),
            DateTimeFormatter.ofPattern("uuuu-MM-dd't'HH:mm:ss.SSS'z'"), DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SXXX"),
            DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSSSSSSSSXXX"), DateTimeFormatter.ofPattern("uuuu-MM-dd HH:mm:ss.SSSSxxx")};
        ZoneOffset[] zones = {ZoneOffset.UTC, ZoneOffset.ofHoursMinutes(5, 30), ZoneOffset.ofHours(-8),
            ZoneOffset.ofHours(18), ZoneOffset.ofHoursMinutes(-3, -45)};
        qt().withExamples(20_000).forAll(longs().between(-62_000_000_000_000L, 253_000_000_000_000L),
            integers().between(0, styles.length - 1), integers().between(0, zones.length - 1)).checkAssert((millis, st, z) -> {
            String s = styles[st].format(Instant.ofEpochMilli(millis).atOffset(zones[z]));
            assertThat(byteTime(s)).as(s).isEqualTo(slowTime(s));
        });
    }

    @Test
    void nearlyIsoTextIsReadOrRefusedExactlyAsTheDateTimeFormatterPathDoes() {
        String[] seeds = {"2013-01-02", "2013-01-02T09:30", "2013-01-02 09:30:00", "2013-02-28T23:59:59.999Z",
            "2016-02-29T00:00:00+05:30", "2013-12-31T10:00:00.123456789-08:00", "1700000000", "1700000000123"};
        qt().withExamples(20_000).forAll(integers().between(0, seeds.length - 1), integers().between(0, 40),
            integers().between(0, TIME_CHARS.length() - 1), integers().between(0, 2)).checkAssert((k, at, c, how) -> {
            StringBuilder b = new StringBuilder(seeds[k]);
            int i = Math.min(at, b.length());
            switch (how) {
                case 0 -> b.insert(i, TIME_CHARS.charAt(c));
                case 1 -> { if (i < b.length()) b.setCharAt(i, TIME_CHARS.charAt(c)); }
                default -> { if (i < b.length()) b.deleteCharAt(i); }
            }
            String s = b.toString();
            assertThat(byteTime(s)).as(s).isEqualTo(slowTime(s));
        });
    }

    @Test
    void lfCrLfAndCrEndingsReadTheSameBarsAndLineNumbers() throws IOException {
        String[] rows = {"date,open,high,low,close,volume", "2013-01-02,10,11,9,10.5,100", "", "2013-01-03,10,11,9,10.5,100",
            "2013-01-04,10,11,9,10.5,100"};
        List<String> lines = new ArrayList<>();
        for (String ending : new String[] {"\n", "\r\n", "\r"}) {
            Bars bars = read(String.join(ending, rows) + ending);
            assertThat(bars.size()).isEqualTo(3);
            assertThat(bars.time(2)).isEqualTo(Instant.parse("2013-01-04T00:00:00Z").toEpochMilli());
            String bad = String.join(ending, rows) + ending + "2013-01-04,10,11,9,10.5,100" + ending;
            lines.add(failure(bad));
        }
        assertThat(lines).containsOnly("t.csv:6: duplicate time 2013-01-04T00:00:00Z (line 5 has the same time)");
    }

    @Test
    void linesAcrossBufferRefillsKeepTheirNumbersAndText() {
        StringBuilder csv = new StringBuilder("time;open;high;low;close\r\n");
        long t = 1_700_000_000L;
        int rows = 40_000;                          // ~1.2 MB: the 200 KB buffer refills mid-row and mid-CRLF many times
        for (int i = 0; i < rows; i++) csv.append(t + i).append(";1.5;2.25;1.125;2\r\n");
        csv.append(t + rows).append(";1.5;2.25;1.125;x\r\n");
        assertThat(failure(csv.toString())).isEqualTo("t.csv:" + (rows + 2) + ": close 'x' is not a number");
    }

    private static Bars read(String csv) throws IOException {
        return CsvBarReader.read(new ByteArrayInputStream(bytes(csv)), "t.csv", Instrument.of("T"), "t.csv", BadRows.failFast());
    }

    private static String failure(String csv) {
        try {
            read(csv);
        } catch (DataException e) {
            return e.getMessage();
        } catch (IOException e) {
            throw new AssertionError(e);
        }
        throw new AssertionError("no error");
    }

    private static Object byteNumber(String s) {
        try {
            return Cells.number("x", bytes(s), 0, bytes(s).length);
        } catch (Cells.BadCell e) {
            return e.getMessage();
        }
    }

    private static Object byteTime(String s) {
        try {
            return Cells.time("t", bytes(s), 0, bytes(s).length);
        } catch (Cells.BadCell e) {
            return e.getMessage();
        }
    }

    private static Object slowTime(String s) {
        try {
            return Cells.time("t", s);
        } catch (Cells.BadCell e) {
            return e.getMessage();
        }
    }

    private static Object jdkNumber(String s) {
        if (s.isEmpty()) return "x is empty";
        try {
            double d = Double.parseDouble(s);
            return Double.isFinite(d) ? d : "x '" + s + "' is out of range";
        } catch (NumberFormatException e) {
            return "x '" + s + "' is not a number";
        }
    }

    private static Gen<String> text(String alphabet, int maxLength) {
        return lists().of(integers().between(0, alphabet.length() - 1)).ofSizeBetween(0, maxLength)
            .map(ks -> {
                StringBuilder b = new StringBuilder();
                for (int k : ks) b.append(alphabet.charAt(k));
                return b.toString();
            });
    }

    private static byte[] bytes(String s) { return s.getBytes(StandardCharsets.UTF_8); }
}
