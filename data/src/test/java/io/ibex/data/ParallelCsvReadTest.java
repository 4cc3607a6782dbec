package io.ibex.data;

import io.ibex.framework.domain.Bars;
import io.ibex.framework.domain.Instrument;
import io.ibex.framework.error.DataException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.SplittableRandom;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The parallel CSV read gives the sequential reader's bars, and steps aside for anything that is not a clean file. */
class ParallelCsvReadTest {
    private static final Instrument X = Instrument.of("X");
    @TempDir Path dir;

    /** {@code rows} minute bars in one of the layouts the reader accepts. */
    private static String csv(int rows, String layout) {
        SplittableRandom r = new SplittableRandom(rows);
        String d = layout.equals("semicolon") ? ";" : layout.equals("tab") ? "\t" : ",";
        String eol = layout.equals("crlf") ? "\r\n" : "\n";
        StringBuilder b = new StringBuilder();
        switch (layout) {
            case "epoch" -> b.append("timestamp,open,high,low,close,volume").append(eol);
            case "date-time" -> b.append("date,time,open,high,low,close,volume").append(eol);
            case "no-volume" -> b.append("time,open,high,low,close").append(eol);
            case "no-header" -> { }
            default -> b.append(String.join(d, "time", "open", "high", "low", "close", "volume")).append(eol);
        }
        long t = Instant.parse("2024-01-02T14:30:00Z").toEpochMilli();
        long cents = 10_000;
        for (int i = 0; i < rows; i++, t += 60_000) {
            long o = cents, c = Math.max(100, cents + r.nextInt(-40, 41));
            long h = Math.max(o, c) + r.nextInt(0, 20), l = Math.min(o, c) - r.nextInt(0, 20);
            cents = c;
            String time = switch (layout) {
                case "epoch" -> Long.toString(t / 1000);
                case "date-time" -> Instant.ofEpochMilli(t).toString().substring(0, 10) + "," + Instant.ofEpochMilli(t).toString().substring(11, 19);
                default -> Instant.ofEpochMilli(t).toString();
            };
            b.append(time);
            for (long p : new long[] {o, h, l, c}) b.append(d).append(p / 100).append('.').append(String.format("%02d", p % 100));
            if (!layout.equals("no-volume")) b.append(d).append(r.nextInt(1, 1000));
            b.append(eol);
        }
        return b.toString();
    }

    private static Bars sequential(String text) throws Exception {
        return CsvBarReader.read(new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)), "f.csv", X, "f.csv", BadRows.failFast());
    }

    private static Bars parallel(String text, int threads) throws Exception {
        return CsvBarReader.readParallel(text.getBytes(StandardCharsets.UTF_8), "f.csv", X, "f.csv", threads);
    }

    private static void assertSame(Bars a, Bars b) {
        assertThat(b.size()).isEqualTo(a.size());
        for (int i = 0; i < a.size(); i++) {
            assertThat(b.time(i)).isEqualTo(a.time(i));
            assertThat(new double[] {b.open(i), b.high(i), b.low(i), b.close(i), b.volume(i)})
                .containsExactly(a.open(i), a.high(i), a.low(i), a.close(i), a.volume(i));
        }
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"iso", "semicolon", "tab", "crlf", "epoch", "date-time", "no-volume", "no-header"})
    void everyLayoutGivesTheSequentialBarsOnAnyNumberOfThreads(String layout) throws Exception {
        for (int rows : new int[] {1, 2, 3, 7, 1_000}) {
            String text = csv(rows, layout);
            for (int threads = 2; threads <= 4; threads++) assertSame(sequential(text), parallel(text, threads));
        }
    }

    @Test void anythingButACleanFileIsLeftToTheSequentialReader() throws Exception {
        String good = csv(1_000, "iso");
        String[] lines = good.split("\n");
        String badCell = good.replace(lines[700], lines[700].replaceFirst(",[0-9.]+,", ",x,"));
        String duplicateAtTheMiddle = good.replace(lines[501] + "\n", lines[500].substring(0, 20) + lines[501].substring(20) + "\n");
        String backwards = good.replace(lines[999], lines[2]);
        String blankFirst = "\n" + good;
        String secondBom = good.replace(lines[600] + "\n", "\uFEFF" + lines[600] + "\n");
        for (String bad : new String[] {badCell, duplicateAtTheMiddle, backwards, blankFirst, secondBom})
            for (int threads = 2; threads <= 4; threads++) assertThat(parallel(bad, threads)).isNull();
        assertThat(parallel("time,open,high,low,close,volume\n", 2)).isNull();
    }

    @Test void aLargeFileIsReadInParallelAndABadRowStillNamesItsLine() throws Exception {
        String text = csv(120_000, "iso");
        assertThat((long) text.length()).isGreaterThan(BarFiles.PARALLEL_MIN_BYTES);
        Path file = Files.writeString(dir.resolve("big.csv"), text);
        assertSame(BarTimes.fromOpenLabels(sequential(text)), BarFiles.read(file, X, null));

        String[] lines = text.split("\n");
        Path bad = Files.writeString(dir.resolve("bad.csv"), text.replace(lines[100_000], lines[100_000].replaceFirst(",[0-9.]+,", ",x,")));
        assertThatThrownBy(() -> BarFiles.read(bad, X, null)).isInstanceOf(DataException.class)
            .hasMessageStartingWith(bad + ":100001: ");
    }
}
