package io.ibex.data;

import io.ibex.framework.domain.Bars;
import io.ibex.framework.error.DataException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeMap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

class BarSourcesTest {
    @TempDir Path dir;

    @Test
    void appleSampleHoldsTheWholeOf2013AsDailyBars() {
        Bars bars = BarSources.load("sample:aapl-2013", null);
        assertThat(bars.size()).isEqualTo(252);
        assertThat(bars.instrument().symbol()).isEqualTo("AAPL");
        assertThat(bars.source()).isEqualTo("sample:aapl-2013");
        assertThat(Instant.ofEpochMilli(bars.time(0))).isEqualTo(Instant.parse("2013-01-02T00:00:00Z"));
        assertThat(new double[] {bars.open(0), bars.high(0), bars.low(0), bars.close(0), bars.volume(0)})
            .containsExactly(553.82, 555.00, 541.63, 549.03, 20018500);
        int last = bars.size() - 1;
        assertThat(Instant.ofEpochMilli(bars.time(last))).isEqualTo(Instant.parse("2013-12-31T00:00:00Z"));
        assertThat(new double[] {bars.open(last), bars.high(last), bars.low(last), bars.close(last), bars.volume(last)})
            .containsExactly(554.17, 561.28, 554.00, 561.02, 7967300);
    }

    @Test
    void dailyCsvBarsOpenAtMidnightAndCloseAtTheDaysLastMillisecond() {
        Bars bars = BarSources.load("sample:aapl-2013", null);
        assertThat(bars.time(0)).isEqualTo(java.time.Instant.parse("2013-01-02T00:00:00Z").toEpochMilli());
        assertThat(bars.closeTime(0)).isEqualTo(java.time.Instant.parse("2013-01-02T23:59:59.999Z").toEpochMilli());
    }

    @Test
    void ticksAggregatedToFiveMinutesHaveAFiveMinutePeriodWhateverTheGaps() {
        Bars bars = BarSources.load("sample:btc-ticks-2013", null);
        assertThat(bars.periodMillis()).isEqualTo(300_000L);
        assertThat(bars.time(0) % 300_000L).isZero();
        assertThat(bars.closeTime(0)).isEqualTo(bars.time(0) + 299_999L);
    }

    @Test
    void ethSampleHas580ContiguousFiveMinuteBarsWhoseFileEndTimesBecomeOpenAndCloseTimes() {
        Bars bars = BarSources.load("sample:eth-5m-2023", null);
        assertThat(bars.size()).isEqualTo(580);
        assertThat(bars.instrument().symbol()).isEqualTo("ETH-USD");
        assertThat(bars.time(0)).isEqualTo(1678730400000L);        // 18:00:00.000, the open
        assertThat(bars.closeTime(0)).isEqualTo(1678730699999L);   // the file's endTime 18:04:59.999
        assertThat(bars.closeTime(579)).isEqualTo(1678904399999L);
        for (int i = 1; i < bars.size(); i++) assertThat(bars.time(i) - bars.time(i - 1)).isEqualTo(300_000L);
        assertThat(new double[] {bars.open(0), bars.high(0), bars.low(0), bars.close(0), bars.volume(0)})
            .containsExactly(1673.58, 1677.62, 1672.44, 1672.99, 65.3033);
        assertThat(bars.close(579)).isEqualTo(1629.52);
    }

    @Test
    void btcTicksAggregateToTheSameFiveMinuteBarsAsAnIndependentBigDecimalComputation() throws IOException {
        Bars bars = BarSources.load("sample:btc-ticks-2013", null);
        List<BigDecimal[]> expected = independentBars(Duration.ofMinutes(5));
        assertThat(bars.instrument().symbol()).isEqualTo("BTC-USD");
        assertThat(bars.size()).isEqualTo(expected.size());
        for (int i : new int[] {0, 1, bars.size() / 2, bars.size() - 1}) {
            BigDecimal[] e = expected.get(i);
            assertThat(bars.time(i)).isEqualTo(e[0].longValueExact());
            assertThat(bars.open(i)).isEqualTo(e[1].doubleValue());
            assertThat(bars.high(i)).isEqualTo(e[2].doubleValue());
            assertThat(bars.low(i)).isEqualTo(e[3].doubleValue());
            assertThat(bars.close(i)).isEqualTo(e[4].doubleValue());
            assertThat(bars.volume(i)).isCloseTo(e[5].doubleValue(), within(1e-9));
        }
        assertThat(bars.time(0)).isEqualTo(Instant.parse("2013-11-25T00:00:00Z").toEpochMilli());
    }

    @Test
    void btcTicksTakeTheBarSizeGiven() throws IOException {
        Bars hourly = BarSources.load("sample:btc-ticks-2013", BarSizes.parse("1h"));
        assertThat(hourly.size()).isEqualTo(independentBars(Duration.ofHours(1)).size());
        assertThat(hourly.time(1) - hourly.time(0)).isEqualTo(3_600_000L);
    }

    /** Buckets the raw ticks with BigDecimal and a TreeMap: no code shared with TickCsvReader. */
    private static List<BigDecimal[]> independentBars(Duration size) throws IOException {
        TreeMap<Long, BigDecimal[]> buckets = new TreeMap<>();
        try (InputStream in = BarSources.class.getResourceAsStream("samples/btc-ticks-2013.csv")) {
            String[] lines = new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n");
            for (int i = 1; i < lines.length; i++) {
                String[] c = lines[i].trim().split(",");
                long start = Long.parseLong(c[0]) * 1000 / size.toMillis() * size.toMillis();
                BigDecimal p = new BigDecimal(c[1]), a = new BigDecimal(c[2]);
                BigDecimal[] b = buckets.get(start);
                if (b == null) buckets.put(start, new BigDecimal[] {BigDecimal.valueOf(start), p, p, p, p, a});
                else {
                    b[2] = b[2].max(p);
                    b[3] = b[3].min(p);
                    b[4] = p;
                    b[5] = b[5].add(a);
                }
            }
        }
        return new ArrayList<>(buckets.values());
    }

    @Test
    void fileSymbolIsTheUpperCasedFileStemUnlessGiven() throws IOException {
        Path f = write("spy_2019.csv", "date,open,high,low,close,volume\n2019-01-02,1,2,0.5,1.5,10\n");
        assertThat(BarSources.load(f.toString(), null).instrument().symbol()).isEqualTo("SPY_2019");
        assertThat(BarSources.load(f.toString(), null, "SPY").instrument().symbol()).isEqualTo("SPY");
    }

    @Test
    void jsonAndTickFilesAreDetectedByContent() throws IOException {
        Path json = write("x.txt", "{\"name\":\"n\",\"ohlc\":[{\"endTime\":1000,\"openPrice\":1,\"highPrice\":2,"
            + "\"lowPrice\":1,\"closePrice\":2,\"volume\":3}]}");
        assertThat(BarSources.load(json.toString(), null).close(0)).isEqualTo(2.0);
        Path ticks = write("t.csv", "timestamp,price,amount\n60,10,1\n61,12,2\n125,11,1\n");
        Bars bars = BarSources.load(ticks.toString(), Duration.ofMinutes(1));
        assertThat(bars.size()).isEqualTo(2);
        assertThat(bars.time(0)).isEqualTo(60_000L);
        assertThat(bars.volume(0)).isEqualTo(3.0);
        assertThat(bars.time(1)).isEqualTo(120_000L);
    }

    @Test
    void aTickFileWithoutABarSizeAsksForOne() throws IOException {
        Path ticks = write("t.csv", "timestamp,price,amount\n60,10,1\n");
        assertThatThrownBy(() -> BarSources.load(ticks.toString(), null))
            .isInstanceOf(DataException.class).hasMessageContaining("--bar 5m");
    }

    @Test
    void aBarSizeForABarFileIsRefusedRatherThanIgnored() {
        assertThatThrownBy(() -> BarSources.load("sample:aapl-2013", Duration.ofHours(1)))
            .isInstanceOf(DataException.class).hasMessageContaining("already holds bars");
    }

    @Test
    void aMissingFileIsNamed() {
        assertThatThrownBy(() -> BarSources.load(dir.resolve("nope.csv").toString(), null))
            .isInstanceOf(DataException.class).hasMessage("no such file: " + dir.resolve("nope.csv"));
    }

    @Test
    void anUnknownSampleListsTheKnownOnes() {
        assertThatThrownBy(() -> BarSources.load("sample:spy", null))
            .isInstanceOf(DataException.class)
            .hasMessageContaining("sample:aapl-2013").hasMessageContaining("sample:eth-5m-2023")
            .hasMessageContaining("sample:btc-ticks-2013");
        assertThat(BarSources.samples()).extracting(Sample::spec)
            .containsExactly("sample:aapl-2013", "sample:eth-5m-2023", "sample:btc-ticks-2013");
    }

    private Path write(String name, String content) throws IOException {
        return Files.writeString(dir.resolve(name), content);
    }
}
