package io.ibex.gateway;

import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.util.Locale;
import java.util.OptionalDouble;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.doubles;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.strings;

class SnapshotFieldsTest {
    @Test
    void parsingNeverThrowsAndNeverInventsANonFiniteNumberForAnyString() {
        qt().withExamples(20_000).forAll(integers().between(0, 8000), strings().allPossible().ofLengthBetween(0, 12))
            .check((field, raw) -> {
                FieldValue v = SnapshotFields.parse(field, raw);
                return v == null || v.number().isEmpty() || Double.isFinite(v.number().getAsDouble());
            });
    }

    @Test
    void parsingNeverThrowsForStringsMadeOfTheCharactersThatMatter() {
        qt().withExamples(20_000).forAll(integers().between(0, 8000),
                strings().betweenCodePoints(' ', 'z').ofLengthBetween(0, 10))
            .check((field, raw) -> {
                FieldValue v = SnapshotFields.parse(field, raw);
                return v == null || v.number().isEmpty() || Double.isFinite(v.number().getAsDouble());
            });
    }

    @Test
    void anyPriceFormattedWithThousandsSeparatorsAndAPrefixReadsBackExactly() {
        DecimalFormat format = new DecimalFormat("#,##0.00", DecimalFormatSymbols.getInstance(Locale.US));
        qt().withExamples(5_000).forAll(doubles().between(0.01, 9_999_999.99)).check(d -> {
            String text = format.format(d);
            double expected = new BigDecimal(text.replace(",", "")).doubleValue();
            return SnapshotFields.parse(31, text).equals(new FieldValue.Live(expected))
                && SnapshotFields.parse(31, "C" + text).equals(new FieldValue.PriorClose(expected))
                && SnapshotFields.parse(31, "H" + text).equals(new FieldValue.Halted(OptionalDouble.of(expected)));
        });
    }

    @Test
    void volumeSuffixesCountOnlyOnVolumeFields() {
        assertThat(SnapshotFields.parse(87, "1.23M")).isEqualTo(new FieldValue.Live(1_230_000));
        assertThat(SnapshotFields.parse(87, "45.6K")).isEqualTo(new FieldValue.Live(45_600));
        assertThat(SnapshotFields.parse(31, "1.23M")).isNull();
        assertThat(SnapshotFields.parse(88, "45.6K")).isNull();
    }

    @Test
    void junkThatJavaWouldParseIsStillAbsent() {
        for (String junk : new String[]{"NaN", "Infinity", "-Infinity", "1e5", "0x1p3", "1.5d", "2f", "1..2", ",5", "-", "C", ".", "1,2.3.4", "12 34"})
            assertThat(SnapshotFields.parse(31, junk)).as(junk).isNull();
        assertThat(SnapshotFields.parse(31, " 168.42 ")).isEqualTo(new FieldValue.Live(168.42));
        assertThat(SnapshotFields.parse(82, "-1.25")).isEqualTo(new FieldValue.Live(-1.25));
        assertThat(SnapshotFields.parse(31, "1234567890123456789.5")).isEqualTo(new FieldValue.Live(1234567890123456789.5));
    }
}
